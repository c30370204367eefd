/**
 * The widget's stylesheet, inside its shadow root. Every size is in px: rem and em would follow the
 * host page's font size. :host takes !important because the host page's rules (even `* { all:
 * unset }`) outrank :host for the one element that lives in the page.
 */
export const WIDGET_CSS = `
:host {
  all: initial !important; display: block !important; position: static !important;
  width: 0 !important; height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important;
  visibility: visible !important; opacity: 1 !important; transform: none !important; filter: none !important;
}
.root {
  --brand: #0b6e4f; --on-brand: #ffffff; --accent: #0b6e4f;
  --ink: #1d2a2f; --muted: #4a5a60; --line: #d5dedb; --bot-bg: #f1f4f3; --danger: #b3261e; --danger-bg: #fdecea;
  font: 400 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  color: var(--ink); letter-spacing: normal; word-spacing: normal; text-align: left; text-transform: none; direction: ltr;
}
.root *, .root *::before, .root *::after { box-sizing: border-box; }
button, textarea { font: inherit; color: inherit; letter-spacing: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

.launcher {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 60px; height: 60px; margin: 0; padding: 0;
  border: 0; border-radius: 30px; background: var(--brand); color: var(--on-brand);
  display: flex; align-items: center; justify-content: center; box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25);
  transition: transform 160ms ease;
}
.launcher:hover { transform: scale(1.05); }
.launcher:focus-visible { outline-color: var(--ink); outline-offset: 3px; }
.launcher svg { width: 28px; height: 28px; display: block; }
.badge {
  position: absolute; top: -4px; right: -4px; min-width: 22px; height: 22px; padding: 0 6px; border-radius: 11px;
  background: var(--danger); color: #ffffff; font-size: 12px; font-weight: 700; line-height: 22px; text-align: center;
}

.panel {
  position: fixed; right: 20px; bottom: 92px; z-index: 2147483001; width: 380px; height: 600px; max-height: calc(100vh - 112px);
  display: flex; flex-direction: column; overflow: hidden; margin: 0;
  background: #ffffff; border: 1px solid var(--line); border-radius: 14px; box-shadow: 0 12px 40px rgba(0, 0, 0, 0.22);
  animation: rise 180ms ease-out;
}
@keyframes rise { from { opacity: 0; transform: translateY(12px); } to { opacity: 1; transform: none; } }

.header { display: flex; align-items: center; gap: 10px; padding: 12px 12px 12px 16px; background: var(--brand); color: var(--on-brand); flex: none; }
.logo { width: 36px; height: 36px; border-radius: 8px; object-fit: contain; flex: none; display: block; }
.heading { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 16px; font-weight: 700; line-height: 1.3; }
.subtitle { margin: 0; font-size: 13px; line-height: 1.3; }
.close {
  flex: none; width: 40px; height: 40px; margin: 0; padding: 0; border: 0; border-radius: 8px; background: transparent; color: var(--on-brand);
  display: flex; align-items: center; justify-content: center;
}
.close:hover { background: rgba(127, 127, 127, 0.25); }
.close:focus-visible { outline-color: var(--on-brand); outline-offset: -3px; }
.close svg { width: 20px; height: 20px; display: block; }

.data-toggle {
  flex: none; height: 32px; margin: 0; padding: 0 10px; border: 1.5px solid var(--on-brand); border-radius: 16px;
  background: transparent; color: var(--on-brand); font-size: 13px; font-weight: 600;
}
.data-toggle:focus-visible { outline-color: var(--on-brand); }
.data-menu { flex: none; margin: 0; padding: 10px 14px; border-bottom: 1px solid var(--line); background: #f7f9f8; font-size: 13px; }
.data-menu p { margin: 0 0 8px; }
.data-actions { display: flex; flex-wrap: wrap; gap: 8px; }
.data-actions button { margin: 0; padding: 7px 12px; border: 1.5px solid var(--accent); border-radius: 8px; background: #ffffff; color: var(--accent); font-size: 13px; font-weight: 600; }
.data-actions button.danger { border-color: var(--danger); color: var(--danger); }
.data-actions button:disabled { opacity: 0.5; cursor: default; }
.data-menu .data-failed { margin: 8px 0 0; color: var(--danger); }

.banner { margin: 0; padding: 8px 14px; font-size: 13px; background: #fff4d6; color: #4d3b00; border-bottom: 1px solid #ecd9a0; flex: none; }
.log { flex: 1; min-height: 0; overflow-y: auto; padding: 14px; display: flex; flex-direction: column; gap: 10px; overscroll-behavior: contain; }
.intro { margin: 0; padding: 10px 12px; border-radius: 10px; background: #eef6f2; color: var(--ink); font-size: 14px; }

.message { display: flex; flex-direction: column; max-width: 86%; align-self: flex-start; gap: 4px; }
.message.patient { align-self: flex-end; align-items: flex-end; }
.author { font-size: 12px; color: var(--muted); margin: 0 4px; }
.bubble { margin: 0; padding: 9px 12px; border-radius: 12px; background: var(--bot-bg); white-space: pre-wrap; overflow-wrap: anywhere; }
.patient .bubble { background: var(--brand); color: var(--on-brand); border-bottom-right-radius: 4px; }
.bot .bubble, .agent .bubble { border-bottom-left-radius: 4px; }
.agent .bubble { background: #ffffff; border: 2px solid var(--accent); }
.delivery { font-size: 12px; color: var(--muted); margin: 0 4px; }
.delivery.failed { color: var(--danger); }
.disclaimer { margin: 0 4px; font-size: 12px; color: var(--muted); }
.sources { margin: 0 4px; font-size: 12px; color: var(--muted); }
.sources ul { margin: 2px 0 0; padding-left: 18px; }
.translated { font-size: 12px; color: var(--muted); margin: 0 4px; }

.message.emergency { max-width: 100%; align-self: stretch; }
.emergency .bubble { background: var(--danger-bg); color: #410e0b; border: 2px solid var(--danger); border-radius: 12px; font-weight: 600; }
.emergency-label { display: block; margin-bottom: 4px; color: var(--danger); font-size: 13px; font-weight: 800; text-transform: uppercase; letter-spacing: 0.04em; }
.bubble a[href^="tel:"] { color: inherit; font-weight: 800; text-decoration: underline; }
.bubble a.call {
  display: block; margin: 6px 0 0; padding: 12px 14px; border-radius: 10px; background: var(--danger); color: #ffffff;
  font-size: 17px; font-weight: 800; text-align: center; text-decoration: none;
}
.bubble a.call:focus-visible { outline-color: var(--ink); }

.notice { align-self: center; max-width: 92%; margin: 2px 0; padding: 6px 12px; border-radius: 14px; background: #f4f6f5; color: var(--muted); font-size: 13px; text-align: center; }

.typing { display: flex; align-items: center; gap: 8px; align-self: flex-start; padding: 10px 12px; border-radius: 12px; background: var(--bot-bg); color: var(--muted); font-size: 13px; }
.dots { display: inline-flex; gap: 4px; }
.dots span { width: 7px; height: 7px; border-radius: 4px; background: var(--muted); animation: blink 1.2s infinite ease-in-out; }
.dots span:nth-child(2) { animation-delay: 0.2s; }
.dots span:nth-child(3) { animation-delay: 0.4s; }
@keyframes blink { 0%, 80%, 100% { opacity: 0.25; } 40% { opacity: 1; } }

.quick { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 14px 10px; flex: none; }
.quick button { margin: 0; padding: 6px 12px; border: 1.5px solid var(--accent); border-radius: 16px; background: #ffffff; color: var(--accent); font-size: 14px; }
.quick button:hover { background: #f1f4f3; }

.composer { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px; border-top: 1px solid var(--line); background: #ffffff; flex: none; margin: 0; }
.composer textarea {
  flex: 1; min-width: 0; height: 44px; max-height: 120px; margin: 0; padding: 10px 12px; resize: none;
  border: 1.5px solid #7b8a8f; border-radius: 10px; background: #ffffff; color: var(--ink); font-size: 15px; line-height: 1.4;
}
.composer textarea::placeholder { color: #5d6d72; opacity: 1; }
.send { flex: none; height: 44px; margin: 0; padding: 0 16px; border: 0; border-radius: 10px; background: var(--brand); color: var(--on-brand); font-weight: 700; }
.send:focus-visible { outline-color: var(--ink); }
.restart { margin: 10px 12px; padding: 12px; border: 0; border-radius: 10px; background: var(--brand); color: var(--on-brand); font-weight: 700; flex: none; }

@media (max-width: 479.98px) {
  .panel { inset: 0; right: 0; bottom: 0; width: 100%; height: 100%; max-height: none; border: 0; border-radius: 0; }
  .root.is-open .launcher { display: none; }
}
@media (prefers-reduced-motion: reduce) {
  .root *, .root *::before, .root *::after { animation: none !important; transition: none !important; }
  .dots span { opacity: 0.7; }
}
`
