/** /lang: choosing Vietnamese or English. */
export const language = {
  'menu.lang': '🌐 Ngôn ngữ / Language',
  'lang.choose': 'Chọn ngôn ngữ / Choose your language:',
  'lang.saved': 'Switched to <b>English</b>.',
  'lang.vi': '🇻🇳 Tiếng Việt',
  'lang.en': '🇬🇧 English',
  'cmd.lang': 'Change language',
} as const;
