/** The HTML report's inline style sheet and its one small script (no external resources). */

/** CSS of the report, light and dark. */
export const STYLE = `
:root { --fg:#1d2430; --muted:#5d6676; --bg:#fff; --panel:#f5f7fa; --line:#d9dee6; --pass:#1a7f37; --fail:#cf222e; --skip:#8c959f; --error:#8250df;
  --sent:#0969da; --recv:#1a7f37; --typed:#8250df; --printed:#6e7781; --event:#bf8700; }
@media (prefers-color-scheme: dark) { :root { --fg:#e6edf3; --muted:#9aa4b1; --bg:#0d1117; --panel:#161b22; --line:#30363d; --sent:#4493f8; --recv:#3fb950; --typed:#a371f7; --printed:#9198a1; --event:#d29922; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; } h4 { margin: 18px 0 6px; font-size: 14px; }
code, pre, .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; }
pre { white-space: pre-wrap; word-break: break-word; margin: 0; padding: 8px 10px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
pre.terminal { max-height: 24em; overflow: auto; }
.muted, .legend, .elided { color: var(--muted); font-size: 13px; }
header.summary { display: flex; flex-wrap: wrap; gap: 24px; align-items: center; padding: 16px; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
.score { font-size: 34px; font-weight: 700; } .score.full { color: var(--pass); } .score.partial { color: var(--fail); }
.counts span { display: inline-block; margin-right: 12px; } .counts .pass { color: var(--pass); } .counts .fail { color: var(--fail); } .counts .error { color: var(--error); } .counts .skip { color: var(--skip); }
dl.run { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 12px 0 0; font-size: 13px; } dl.run dt { color: var(--muted); } dl.run dd { margin: 0; }
.toolbar { margin: 16px 0 8px; } button { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); color: var(--fg); cursor: pointer; }
.js-only { display: none; } .js .js-only { display: inline-block; }
details.check { border: 1px solid var(--line); border-left: 5px solid var(--skip); border-radius: 6px; margin: 8px 0; background: var(--bg); }
details.check.st-pass { border-left-color: var(--pass); } details.check.st-fail { border-left-color: var(--fail); } details.check.st-error { border-left-color: var(--error); }
details.check > summary { cursor: pointer; padding: 8px 12px; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
details.check > summary .mark { font-weight: 700; width: 1em; } .st-pass .mark { color: var(--pass); } .st-fail .mark { color: var(--fail); } .st-error .mark { color: var(--error); } .st-skip .mark { color: var(--skip); }
.role { color: var(--muted); font-size: 13px; min-width: 4.5em; } .title { flex: 1; } .meta { color: var(--muted); font-size: 13px; }
details.check .body { padding: 4px 16px 16px; }
pre.message { background: transparent; border: 0; padding: 4px 0; font-size: 14px; font-weight: 600; }
.field { margin: 8px 0; } .field .label { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.field.hint p { margin: 2px 0; padding: 6px 10px; border-left: 3px solid var(--event); background: var(--panel); }
.field p { margin: 2px 0; }
.repro { display: flex; gap: 8px; align-items: center; } .repro code { flex: 1; padding: 6px 8px; background: var(--panel); border-radius: 6px; word-break: break-all; }
ul.notes { padding-left: 20px; font-size: 14px; }
.diagram { overflow-x: auto; max-width: 100%; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); padding: 4px; }
svg.sequence text { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; fill: var(--fg); }
svg.sequence .lane-box { fill: var(--bg); stroke: var(--line); } svg.sequence .lane-title { font-weight: 700; }
svg.sequence .side, svg.sequence .time, svg.sequence .size { fill: var(--muted); } svg.sequence text.size, svg.sequence text.side { font-size: 10px; }
svg.sequence .lifeline { stroke: var(--line); stroke-width: 2; stroke-dasharray: 4 3; }
svg.sequence .arrow { stroke-width: 1.6; }
svg.sequence .sent .arrow { stroke: var(--sent); } svg.sequence .sent .head { fill: var(--sent); }
svg.sequence .received .arrow { stroke: var(--recv); } svg.sequence .received .head { fill: var(--recv); }
svg.sequence .typed .arrow { stroke: var(--typed); } svg.sequence .typed .head { fill: var(--typed); }
svg.sequence .program .arrow { stroke: var(--printed); stroke-dasharray: 5 3; } svg.sequence .program .head { fill: var(--printed); }
svg.packets .axis { stroke: var(--line); stroke-width: 1; } svg.packets text { font: 10px ui-monospace, Menlo, Consolas, monospace; fill: var(--muted); }
svg.packets .pkt.data { fill: var(--sent); } svg.packets .pkt.ack { fill: var(--muted); } svg.packets .pkt.syn, svg.packets .pkt.fin { fill: var(--typed); }
svg.packets .pkt.rst, svg.packets .pkt.marked { fill: var(--fail, #c0392b); }
pre.trace-summary, pre.packet-table { font-size: 12px; overflow-x: auto; }
svg.sequence .packet .arrow { stroke: var(--muted); stroke-width: 1; } svg.sequence .packet .head { fill: var(--muted); } svg.sequence .packet .label { fill: var(--muted); font-size: 11px; }
svg.sequence .event rect { fill: var(--bg); stroke: var(--event); } svg.sequence .event text { fill: var(--muted); }
svg.sequence .end circle { fill: var(--bg); stroke: var(--printed); stroke-width: 2; } svg.sequence .end .cut { stroke: var(--printed); stroke-width: 3; }
svg.sequence .crash circle { stroke: var(--fail); } svg.sequence .crash .cut { stroke: var(--fail); } svg.sequence .crash text.x, svg.sequence .crash text.label { fill: var(--fail); font-weight: 700; }
details.transcript { margin: 6px 0; } details.transcript > summary { cursor: pointer; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 4px; }
th, td { text-align: left; vertical-align: top; padding: 3px 8px; border-bottom: 1px solid var(--line); }
td.t { white-space: nowrap; color: var(--muted); } td.src { white-space: nowrap; } td.data { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; white-space: pre-wrap; }
tr.sent td.src { color: var(--sent); } tr.received td.src { color: var(--recv); } tr.typed td.src { color: var(--typed); } tr.program td.src { color: var(--printed); } tr.event td { color: var(--muted); }
.size { color: var(--muted); font-size: 12px; }
details.more { display: inline; } details.more > summary { display: inline; cursor: pointer; color: var(--sent); }
`;

/** Expand/collapse all and copy-to-clipboard; the report reads fine without it. */
export const SCRIPT = `
document.documentElement.classList.add('js');
var all = function (open) { document.querySelectorAll('details.check').forEach(function (d) { d.open = open; }); };
document.getElementById('expand-all').addEventListener('click', function () { all(true); });
document.getElementById('collapse-all').addEventListener('click', function () { all(false); });
document.querySelectorAll('button.copy').forEach(function (b) {
  b.addEventListener('click', function () {
    if (!navigator.clipboard) return;
    navigator.clipboard.writeText(b.getAttribute('data-copy') || '').then(function () { b.textContent = b.getAttribute('data-done'); });
  });
});
`;
