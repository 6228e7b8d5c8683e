/** /lang: choosing Vietnamese or English. */
export const language = {
  'menu.lang': '🌐 Ngôn ngữ / Language',
  'lang.choose': 'Chọn ngôn ngữ / Choose your language:',
  'lang.saved': 'Đã chuyển sang <b>tiếng Việt</b>.',
  'lang.vi': '🇻🇳 Tiếng Việt',
  'lang.en': '🇬🇧 English',
  'cmd.lang': 'Đổi ngôn ngữ',
} as const;
