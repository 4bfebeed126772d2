// Served by the Worker from memory: a strict CSP allows only same-origin styles and images.

export const STYLESHEET = `
:root { color-scheme: light dark; --fg: #1b1b1f; --muted: #5d5d66; --bg: #fdfdfc; --card: #f3f2ef; --accent: \
#b3261e; --line: #dcdad5; }
@media (prefers-color-scheme: dark) { :root { --fg: #ecebe8; --muted: #a8a6a0; --bg: #16161a; --card: #202026; \
--accent: #ff8a80; --line: #34343c; } }
* { box-sizing: border-box; }
main, header, footer, section, nav { display: block; }
body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); \
background: var(--bg); }
a { color: var(--accent); text-underline-offset: 2px; }
header.site, main, footer.site { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
.notice { background: var(--card); border-left: 4px solid var(--accent); padding: .5rem .75rem; }
input.copy { width: 100%; font: .95rem ui-monospace, monospace; padding: .4rem; color: var(--fg); background: \
var(--bg); border: 1px solid var(--line); border-radius: .25rem; }
form.filter { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0 1rem; }
form.filter input { flex: 1 1 12rem; font: inherit; padding: .35rem .5rem; color: var(--fg); background: \
var(--bg); border: 1px solid var(--line); border-radius: .25rem; }
form.filter button { font: inherit; padding: .35rem .9rem; border-radius: .25rem; border: 1px solid \
var(--accent); background: var(--accent); color: var(--bg); }
header.site { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; padding-top: 1.25rem; \
padding-bottom: .75rem; border-bottom: 1px solid var(--line); }
header.site .brand { font-weight: 700; font-size: 1.25rem; color: var(--fg); text-decoration: none; }
header.site nav { display: flex; gap: 1rem; font-size: .95rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 1.5rem 0 .5rem; overflow-wrap: anywhere; }
img.entity-icon { display: block; margin: 1.5rem 0 -1rem; border-radius: .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
.meta { color: var(--muted); font-size: .95rem; }
ol.articles, ul.entities { list-style: none; padding: 0; }
ol.articles li { padding: .75rem 0; border-bottom: 1px solid var(--line); }
ol.articles a.title { font-weight: 600; font-size: 1.1rem; }
ol.articles .excerpt { margin: .25rem 0 0; }
ul.entities { display: flex; flex-wrap: wrap; gap: .4rem; }
ul.entities li a { display: inline-block; padding: .15rem .6rem; border-radius: 1rem; background: var(--card); \
text-decoration: none; }
ul.entities .count { color: var(--muted); font-size: .85em; }
.subscribe { background: var(--card); padding: .75rem 1rem; border-radius: .5rem; margin: 1rem 0; }
.subscribe code { overflow-wrap: anywhere; font-size: .9rem; }
article.story p { margin: 0 0 1rem; }
.notice { background: var(--card); border-left: 4px solid var(--accent); padding: .5rem .75rem; }
input.copy { width: 100%; font: .95rem ui-monospace, monospace; padding: .4rem; color: var(--fg); background: \
var(--bg); border: 1px solid var(--line); border-radius: .25rem; }
form.filter { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0 1rem; }
form.filter input { flex: 1 1 12rem; font: inherit; padding: .35rem .5rem; color: var(--fg); background: \
var(--bg); border: 1px solid var(--line); border-radius: .25rem; }
form.filter button { font: inherit; padding: .35rem .9rem; border-radius: .25rem; border: 1px solid \
var(--accent); background: var(--accent); color: var(--bg); }
footer.site { color: var(--muted); font-size: .9rem; padding-top: 2rem; padding-bottom: 2rem; }
`;

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" \
height="64" rx="12" fill="#b3261e"/><circle cx="18" cy="46" r="6" fill="#fff"/><path d="M12 26a26 26 0 0 1 26 \
26h-8a18 18 0 0 0-18-18zM12 10a42 42 0 0 1 42 42h-8a34 34 0 0 0-34-34z" fill="#fff"/></svg>`;
