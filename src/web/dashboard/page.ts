/** The Mini App's only HTML page; colours follow the Telegram theme the app is opened in. */
const STYLE = `
:root{color-scheme:light dark;--bg:var(--tg-theme-bg-color,#fff);--text:var(--tg-theme-text-color,#111);
--hint:var(--tg-theme-hint-color,#777);--link:var(--tg-theme-link-color,#2678b6);
--button:var(--tg-theme-button-color,#2678b6);--button-text:var(--tg-theme-button-text-color,#fff);
--card:var(--tg-theme-secondary-bg-color,#f1f3f5);--danger:var(--tg-theme-destructive-text-color,#d33)}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--text);
font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;min-width:320px}
nav{display:flex;gap:4px;overflow-x:auto;padding:8px;position:sticky;top:0;background:var(--bg);border-bottom:1px solid var(--card);z-index:1}
nav button{flex:1;padding:8px 4px;font-size:13px}main{padding:8px 10px 40px;max-width:760px;margin:0 auto}
button{background:var(--button);color:var(--button-text);border:0;border-radius:8px;padding:8px 10px;font:inherit;cursor:pointer}
button.secondary{background:var(--card);color:var(--text)}button[aria-current=page]{outline:2px solid var(--text)}
select,input,textarea{font:inherit;color:var(--text);background:var(--card);border:1px solid var(--hint);border-radius:6px;padding:6px;max-width:100%}
textarea{width:100%;min-height:80px}.filters{display:flex;flex-wrap:wrap;gap:6px;margin-bottom:8px}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--hint);flex:1 1 140px}
.counts{color:var(--hint);font-size:13px;margin:4px 0 8px}.card{background:var(--card);border-radius:10px;padding:10px;margin:8px 0}
.card.link{cursor:pointer}.row{display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap}
.badge{font-size:12px;border-radius:10px;padding:1px 8px;background:var(--bg);color:var(--hint)}
.badge.overdue{color:var(--danger)}.muted{color:var(--hint);font-size:13px}.notice{padding:10px;border-radius:8px;background:var(--card);margin:8px 0}
.refusal{padding:24px 12px;text-align:center;color:var(--danger);font-weight:600}
.actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}ol.history{padding-left:18px}
.field{display:flex;flex-direction:column;font-size:12px;color:var(--hint);margin:4px 0}.field input{width:100%}
.field-error{color:var(--danger);font-size:13px}.field-error:empty{display:none}
.chart svg{width:100%;height:auto;display:block}.stats p{margin:4px 0}
`;

export function indexHtml(): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,viewport-fit=cover">
<title>KCN Bắc Ninh</title>
<script src="https://telegram.org/js/telegram-web-app.js"></script>
<style>${STYLE}</style>
</head><body><div id="app"></div><script src="/app/app.js" defer></script></body></html>`;
}
