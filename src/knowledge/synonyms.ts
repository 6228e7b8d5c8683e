/**
 * The engine's bilingual dictionary. Phrases are separated by "|"; every phrase of a group is
 * rewritten to one concept term at index and query time, so a match works both ways: "KCN" finds
 * "industrial park" and "industrial parks" finds "KCN". Longer phrases win ("người lao động"
 * before "lao động"). Accented phrases only match text typed with the same accents or none,
 * so "lượng" never becomes "lương" (salary) and "đạt" never becomes "đất" (land).
 */
import { phraseLists } from './phrases.ts';
import { SENSE_GROUPS } from './senses.ts';

const BASE_GROUPS = phraseLists({
  park:
    'khu công nghiệp | KCN | khu CN | khu | industrial park | industrial zone | industrial estate | ' +
    'park',
  region: 'khu vực | region',
  urbanArea: 'khu đô thị | urban area',
  economicZone: 'khu kinh tế | economic zone',
  exportZone: 'khu chế xuất | export processing zone',
  department: 'phòng ban | phòng chuyên môn | phòng | department',
  prevention: 'phòng chống | phòng, chống | prevention | prevent',
  board:
    'ban quản lý | BQL | management board | management authority | board of management | board',
  fire:
    'phòng cháy chữa cháy | phòng cháy, chữa cháy | phòng chống cháy nổ | PCCC | phòng cháy | ' +
    'chữa cháy | fire safety | fire prevention | fire fighting | firefighting | fire protection | fire',
  eia:
    'đánh giá tác động môi trường | đánh giá ảnh hưởng môi trường | ĐTM | ' +
    'environmental impact assessment | environmental impact | EIA',
  fdi:
    'đầu tư trực tiếp nước ngoài | FDI | foreign direct investment | foreign investment | ' +
    'foreign invested | vốn nước ngoài',
  committee: "ủy ban nhân dân | UBND | people's committee | peoples committee",
  council: "hội đồng nhân dân | HĐND | people's council",
  decree: 'nghị định | NĐ-CP | decree',
  decision: 'quyết định | QĐ | decision',
  primeMinister: 'thủ tướng chính phủ | thủ tướng | TTg | prime minister',
  industrialisation:
    'công nghiệp hóa hiện đại hóa | công nghiệp hóa | hiện đại hóa | CNH-HĐH | CNH | ' +
    'industrialisation | industrialization | modernisation | modernization',
  wastewater:
    'xử lý nước thải | XLNT | nước thải | nước bẩn | xả thải | wastewater treatment | ' +
    'wastewater | waste water | sewage | effluent',
  union:
    'công đoàn | CĐ | trade union | labour union | labor union | union | ' +
    'tổ chức đại diện người lao động | tổ chức đại diện cho công nhân | tổ chức đại diện',
  unionMember: 'đoàn viên công đoàn | đoàn viên | union member',
  adminProcedure: 'thủ tục hành chính | TTHC | administrative procedure',
  procedure: 'thủ tục | procedure | formality',
  adminReform: 'cải cách hành chính | administrative reform',
  oneStop: 'một cửa | one-stop | one stop | single window',
  salary:
    'tiền lương | lương | tiền công | trả lương | thu nhập | kiếm được | wage | salary | ' +
    'income | earn | pay | paid | chuyên cần | phụ cấp | allowance | bonus',
  worker:
    'người lao động | công nhân lao động | công nhân | lao động | NLĐ | worker | employee | ' +
    'labourer | laborer | labour | labor | workforce | người đi làm',
  complaint:
    'khiếu nại | tố cáo | đơn thư | kiến nghị | phản ánh | gửi đơn | nộp đơn | complaint | complain | ' +
    'file a complaint | lodge a complaint | make a complaint | grievance | ' +
    'denunciation | petition',
  investor: 'nhà đầu tư | investor',
  investment: 'đầu tư | investment | invest',
  enterprise:
    'doanh nghiệp | công ty | DN | chỗ làm | nơi làm việc | enterprise | company | business | ' +
    'firm | employer | workplace',
  project: 'dự án | project',
  environment: 'môi trường | environment | environmental',
  pollution: 'ô nhiễm | pollution | pollute | dump',
  security:
    'an ninh trật tự | an ninh | trật tự | security | public order | safety and order | giữ trật tự | giữ an ninh | giữ gìn trật tự',
  contract: 'hợp đồng | contract',
  collectiveAgreement:
    'thỏa ước lao động | thỏa ước | thỏa thuận chung | thỏa thuận tập thể | ' +
    'collective agreement | collective bargaining',
  socialInsurance: 'bảo hiểm xã hội | BHXH | social insurance',
  insurance: 'bảo hiểm | insurance',
  housing: 'nhà ở | housing | accommodation | dormitory',
  electricity: 'cấp điện | điện | electricity | power supply | power',
  cleanWater: 'nước sạch | cấp nước | clean water | water supply',
  lease: 'thuê đất | cho thuê | thuê | lease | rent | rental',
  land: 'đất | land',
  area: 'diện tích | area | hectare',
  occupancy:
    'tỷ lệ lấp đầy | lấp đầy | occupancy rate | occupancy | occupy | occupi | fill rate | how full',
  export: 'xuất khẩu | export',
  import: 'nhập khẩu | import',
  budget: 'nộp ngân sách | ngân sách | budget | tax revenue | state budget',
  incentive: 'ưu đãi | incentive | preferential',
  inspection: 'thanh tra | kiểm tra | inspection | inspect | audit',
  certificate:
    'giấy chứng nhận đầu tư | giấy chứng nhận | investment certificate | certificate | license | ' +
    'licence | permit | certification | certifi',
  establish: 'thành lập | lập | establish | establishment | found | founding | set up',
  province: 'tỉnh | province | provincial',
  country: 'quốc gia | nước nào | các nước | country | nation',
  government: 'chính phủ | government',
  corruption:
    'tham nhũng | hối lộ | tiền bôi trơn | bôi trơn | phong bì | vòi tiền | đòi tiền | ' +
    'corruption | corrupt | bribe | bribery',
  citizenReception: 'tiếp công dân | citizen reception | receive citizen',
  female: 'nữ | female | woman | women',
  foreign: 'nước ngoài | ngoại | foreign | foreigner | overseas | abroad',
  monitoring: 'quan trắc | monitoring | monitor',
  staff: 'cán bộ | công chức | viên chức | nhân sự | staff | civil servant | official | personnel',
  planning: 'quy hoạch | planning | master plan | zoning',
  construction: 'xây dựng | xây | construction | construct | build | building | built',
  infrastructure: 'cơ sở hạ tầng | hạ tầng | đường sá | infrastructure',
  dispute: 'tranh chấp | mâu thuẫn | dispute | conflict',
  law: 'pháp luật | luật | law | legal | legislation',
  regulation: 'quy định | regulation | rule',
  promotion: 'xúc tiến | promotion | promote',
  supportingIndustry: 'công nghiệp hỗ trợ | supporting industry | ancillary industry',
  electronics: 'điện tử | electronics | electronic',
  difficulty: 'khó khăn | vướng mắc | vấn đề | difficulty | obstacle | problem | hardship',
  support: 'hỗ trợ | đồng hành | support | help | assist | assistance | back',
  contact: 'liên hệ | liên lạc | thông tin liên hệ | contact | reach | get in touch',
  phone: 'số điện thoại | điện thoại | gọi điện | hotline | phone | telephone | email | e-mail',
  address: 'địa chỉ | trụ sở | văn phòng | address | located | location | office',
  capital: 'vốn | capital | fund | funding',
  revoke:
    'thu hồi | chấm dứt | =dừng | revoke | revoked | terminate | withdraw | hủy bỏ | =hủy | bỏ dở | cancel | cancelled | canceled | abandon',
  average: 'bình quân | trung bình | average',
  police: 'công an | police',
  task: 'nhiệm vụ | task | mission | duty',
  solution: 'giải pháp | solution | measure',
  function: 'chức năng | function | role | responsibility | chịu trách nhiệm | trách nhiệm',
  city: 'thành phố | city',
  local: 'địa phương | local',
  training: 'đào tạo | training | train',
  job: 'việc làm | tuyển dụng | job | employment | employ | recruitment | hire',
  award:
    'khen thưởng | bằng khen | huân chương | danh hiệu | phần thưởng | award | medal | ' +
    'commendation | honour | honor | prize',
  emulation: 'thi đua | emulation',
  year: 'năm | year',
  month: 'tháng | month',
  turnover: 'kim ngạch | turnover',
  production: 'sản xuất | production | produce | manufacturing | manufacture',
  partyMember: 'đảng viên | party member',
  partyCell: 'chi bộ | party cell',
  factory: 'nhà máy | nhà xưởng | xưởng | factory | plant | workshop',
  dossier: 'hồ sơ | giấy tờ | dossier | document | paperwork',
  guide: 'hướng dẫn | chỉ cách | guide | guidance | instruct | instruction',
  overlap: 'chồng chéo | trùng nhau | trùng lặp | overlap | duplicate',
  linkage: 'liên kết | kết nối | link | linkage | connect | connection',
  rural: 'nông thôn | làng nghề | làng | village | rural | countryside',
  agriculture: 'nông nghiệp | farm | agriculture | agricultural',
  percent: 'phần trăm | tỷ lệ | chiếm | percent | percentage | proportion | share',
  attract: 'thu hút | attract | attraction | receive',
  weakness: 'yếu kém | hạn chế | weakness | shortcoming | limitation',
  operate:
    'đi vào hoạt động | đang chạy | hoạt động | in operation | operate | operation | running',
  quality: 'chất lượng | quality',
  force: 'lực lượng | force',
});

/** Every concept: sense phrases first, so they are tried before the general vocabulary. */
export const SYNONYM_GROUPS: Readonly<Record<string, readonly string[]>> = {
  ...SENSE_GROUPS,
  ...BASE_GROUPS,
};

/**
 * What kind of answer the user wants ("bao nhiêu" → a count, "khi nào" → a date). These terms
 * help rank entries whose questions are phrased the same way, but never count as topic coverage.
 */
export const QUESTION_GROUPS = phraseLists({
  definition:
    'là gì | là cái gì | nghĩa là gì | là sao | what is | what are | what does | meaning of',
  count: 'bao nhiêu | mấy | số lượng | tổng số | how many | how much | number of | total number',
  duration: 'mất bao lâu | bao lâu | bao nhiêu ngày | mấy ngày | how long | how many days',
  when: 'khi nào | bao giờ | năm nào | lúc nào | ngày nào | when | what year',
  where: 'ở đâu | chỗ nào | nơi nào | where',
  who: 'ai | cơ quan nào | đơn vị nào | who | which agency',
  how: 'thì sao | phải làm sao | làm sao | như thế nào | thế nào | làm thế nào | how',
  why: 'tại sao | vì sao | why',
});

/**
 * Phrases with no topic at all: asking formulas, greetings, thanks, and the context people give
 * before their question ("em là công nhân", "I am the HR manager"). Dropped entirely, so they
 * neither match nor count as missing evidence.
 */
export const STOP_PHRASES: readonly string[] = (
  'tất cả | cho hỏi | không có lý do | không rõ lý do | không lý do | lý do | vô cớ | ' +
  'without any reason | without reason | for no reason | no reason | any reason | reason | ' +
  'cho hỏi | xin hỏi | cho tôi hỏi | cho em hỏi | cho mình hỏi | em muốn hỏi | ' +
  'muốn hỏi | vui lòng | hiện nay | hiện tại | có phải | được không | tell me | xin chào | chào | ' +
  'cảm ơn | cám ơn | hello | hi | thank you | thank | thanks | ok | kính gửi | trân trọng | dạ | ' +
  'vâng | admin | anh chị | các anh chị | em chào | thưa | good morning | good afternoon | ' +
  'dear sir or madam | dear | sir | madam | many thanks | thanks a lot | in advance | ' +
  'could you explain | could you tell me | i would like to know | we would like to know | ' +
  'quá nhiều | nhiều quá | qua nhieu | nhieu qua | too much | too many | ' +
  'bắt đầu từ đâu | bắt đầu | từ đâu | ra sao | như vậy | có được không | ' +
  'i want to ask | i am writing | regards | kind regards | best regards | nhiều lắm | ' +
  'em là sinh viên | sinh viên | học sinh | phóng viên | nhà báo | student | journalist | ' +
  'reporter | consultant | analyst | em là | tôi là | mình là | i am | i m | we are'
)
  .split('|')
  .map((phrase) => phrase.trim());

/** Function words whose folded form is also a content word: dropped only when typed with these accents. */
export const ACCENTED_STOP_WORDS: readonly string[] = [
  'bạn',
  'mình',
  'có',
  'hai',
  'bốn',
  'sáu',
  'bảy',
  'tám',
  'chín',
  'mười',
  'xin',
  'mà',
  'quá',
  'lắm',
  'rất',
  'hoài',
  'mãi',
  'hôm',
  'nay',
  'mai',
  'bây',
  'giờ',
  'lúc',
  'đang',
  'mới',
  'vừa',
  'sắp',
  'hãy',
  'nên',
  'ạ',
  'à',
  'ơi',
  'nhé',
  'nha',
  'giúp',
  'vậy',
  'rồi',
  'chị',
  'anh',
  'em',
  'tôi',
];

/** Function words per language, folded. Kept small: folding merges syllables ("ca" = cá/cả/ca). */
export const STOP_WORDS: Readonly<Record<'vi' | 'en', readonly string[]>> = {
  vi: (
    '0 1 2 3 4 5 6 7 8 9 ' +
    'la cua va cac nhung nhe a oi toi minh gi nao khong hien ko k kg dc duoc muon de them can ' +
    'phai bi da roi se chua nhieu ha nhi ak ah u em voi thi o nay cho lam anh chi nha vay ne ad ' +
    'xin trong hoai'
  ).split(' '),
  en: (
    '0 1 2 3 4 5 6 7 8 9 two three four five six seven eight nine ten ' +
    'a an the of to in on for is are was were be been do doe did what which can could i my me ' +
    'we our you your it its there this that and or with by at about from any as should would ' +
    'will please get have ha if so into than their they them some know want like just tell us ' +
    'much many here am still also not no yet haven t don doesn isn ly ve re ll d m s whom whose ' +
    'own got after since one anyone someone need hello hi hey dear sir madam thank thanks'
  ).split(' '),
};
