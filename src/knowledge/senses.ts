/**
 * Sense phrases: multi-word readings that must beat their single words. Folding makes "sa thải"
 * (dismissal) meet "nước thải" (wastewater), "nghỉ phép" (leave) meet "giấy phép" (permit),
 * "thành lập doanh nghiệp" meet "thành lập công đoàn"; as one concept term each, the phrase
 * decides ("sa thai" → dismissal, "nuoc thai" → wastewater). Also the worker situations and
 * investor procedures users bring, with their colloquial and English wording. A leading "="
 * means: only as typed with these accents ("=nóng" is never "nông").
 */
import { phraseLists } from './phrases.ts';

export const SENSE_GROUPS = phraseLists({
  officeStaff:
    'lao động gián tiếp | nhân viên văn phòng | office staff | office worker | office workers | ' +
    'white-collar | indirect worker | indirect workers',
  parksCount:
    'bao nhiêu khu công nghiệp | bao nhiêu KCN | mấy khu công nghiệp | mấy KCN | số lượng KCN | ' +
    'số KCN | số khu công nghiệp | how many industrial parks | how many parks | ' +
    'how many industrial zones | number of industrial parks | number of parks',
  wageArrears:
    'nợ lương | chậm lương | chậm trả lương | không trả lương | chưa trả lương | không trả | ' +
    'chưa trả | ' +
    'chưa được trả lương | chưa nhận lương | chưa có lương | không được trả lương | trả lương chậm | trả lương muộn | ' +
    'trễ lương | trừ lương | cắt lương | giam lương | không trả tiền công | owe wage | owe | ' +
    'unpaid | not paid | been paid | late payment | overdue | deduct | docked | paying me late | nợ tiền công | nợ tiền | quỵt lương | quỵt tiền | phạt tiền | trừ tiền | bị trừ | giữ lương',
  overtime: 'làm thêm giờ | làm thêm | tăng ca | overtime | extra hour | extra hours',
  dismissal:
    'sa thải | đuổi việc | cho nghỉ việc | bắt nghỉ việc | cho thôi việc | thôi việc | mất việc | ' +
    'chấm dứt hợp đồng lao động | chấm dứt hợp đồng | khỏi đi làm | trợ cấp thôi việc | ' +
    'báo nghỉ việc | dismiss | dismissal | dismissed | fired | fire me | lay off | laid off | ' +
    'lost my job | =đuổi | bị đuổi',
  compensation: 'bồi thường | đền bù | trợ cấp | compensation | compensate | severance',
  maternity:
    'thai sản | nghỉ sinh | nghỉ đẻ | sinh con | sắp sinh | sắp đẻ | mang thai | mang bầu | có bầu | ' +
    'có thai | bầu bí | maternity leave | maternity | pregnant | pregnancy | give birth | giving birth',
  leave:
    'nghỉ phép | phép năm | nghỉ ốm | xin nghỉ | ngày nghỉ | duyệt phép | annual leave | sick leave | ' +
    'day off | days off | paid leave | leave',
  accident:
    'tai nạn lao động | tai nạn | bị thương | thương tích | bảo hộ lao động | an toàn lao động | ' +
    'accident | injured | injury | hurt | unsafe | =ngã | té ngã | giàn giáo | đi viện | cấp cứu | kẹp tay | cuốn tay | đứt tay | =bỏng | fell | fall | burn | burned',
  heat:
    'nắng nóng | nóng bức | oi bức | say nắng | =nóng | =ngất | ngất xỉu | thông gió | =quạt | ' +
    'điều hòa | heat | hot | heatstroke | ventilation | faint | fainting',
  harassment:
    'quấy rối tình dục | quấy rối | sàm sỡ | động tay động chân | xúc phạm | =chửi | =mắng | lăng mạ | ' +
    'bắt nạt | đánh đập | trù dập | harass | harassment | harasses | bully | bullying | abuse | ' +
    'verbal abuse | khám người | thô bạo | tục tĩu | nói năng tục | touch | touching | touched | grope | groping',
  buildingPermit:
    'giấy phép xây dựng | xin phép xây dựng | cấp phép xây dựng | phép xây dựng | GPXD | ' +
    'building permit | construction permit | building approval | permit to construct',
  workPermit:
    'giấy phép lao động | GPLĐ | work permit | labour permit | labor permit | expatriate | expat',
  companySetup:
    'thành lập doanh nghiệp | thành lập công ty | lập doanh nghiệp | lập công ty | mở công ty | ' +
    'đăng ký doanh nghiệp | đăng ký kinh doanh | lập pháp nhân | set up a company | ' +
    'setting up a company | set up the company | setting up the company | set up our company | ' +
    'establish a company | establishing a company | setup company | ' +
    'incorporate | company registration | business registration | legal entity',
  customs: 'hải quan | thông quan | tờ khai hải quan | customs | customs clearance | clear customs',
  tax: 'thuế | đóng thuế | nộp thuế | kê khai thuế | khai thuế | tax | taxe | taxation | vat',
  guard: 'bảo vệ công ty | nhân viên bảo vệ | security guard | guard',
  environmentProtection: 'bảo vệ môi trường | environmental protection | protect the environment',
  rights:
    'quyền và lợi ích | quyền lợi | bảo vệ quyền | bảo đảm quyền | lợi ích hợp pháp | right | rights',
  value: 'giá trị | value',
  price: '=giá | giá thuê | lệ phí | =phí | chi phí | price | cost | fee | tariff',
  penalty: 'mức phạt | xử phạt | tiền phạt | bị phạt bao nhiêu | penalty | penalties | sanction',
  ruleDetail:
    'thuế suất | mức đóng | mức hưởng | lương tối thiểu | tối thiểu vùng | minimum wage | ' +
    'opening hours | giờ làm việc của ban | hồ sơ gồm | gồm những giấy tờ gì | what documents',
  approve:
    'phê duyệt | =duyệt | thẩm định | cấp phép | approve | approval | approves | appraise | ' +
    'appraisal | issue | issues | grant',
  investmentRegistration:
    'giấy chứng nhận đăng ký đầu tư | đăng ký đầu tư | đăng ký dự án | investment registration | ' +
    'register the investment | register an investment | IRC',
  domestic: 'trong nước | nội địa | doanh nghiệp Việt | domestic | local firm | vietnamese firm',
  coercion: 'ép buộc | bắt buộc | bị ép | bắt ép | ép | forced | forcing | compulsory | mandatory',
  time: 'thời gian | time',
  thrift: 'tiết kiệm | chống lãng phí | thrift | saving',
  boardFunctions:
    'ban quản lý kcn làm gì | ban quản lý các kcn làm gì | ban quản lý làm gì | ban làm gì | ' +
    'ban quản lý kcn làm những gì | ban quản lý làm những việc gì | ban quản lý kcn làm những việc gì | ' +
    'what does the board do | what the board does | what does the management board do',
  stateManagement: 'quản lý nhà nước | state management | state labour management',
  /**
   * Everyday phrases made of words the entries use in another sense ("tình yêu" is tính + yêu
   * cầu, "dự báo bão" is dự báo + báo cáo): as one concept no entry has, they are unknown words.
   */
  everyday:
    'tình yêu | người yêu | yêu nhau | thất tình | thời tiết | dự báo thời tiết | =bão | mưa bão | ' +
    'weather forecast | weather | love',
  manager:
    'quản lý | tổ trưởng | quản đốc | trưởng ca | chủ xưởng | manager | supervisor | boss | foreman',
});
