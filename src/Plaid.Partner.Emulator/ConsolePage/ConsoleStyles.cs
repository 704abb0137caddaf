namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>The console's only stylesheet, inline (the page loads nothing else, so it works offline).</summary>
    internal static class ConsoleStyles
    {
        public const string Css = """
            :root { color-scheme: light; --ink: #1d2330; --muted: #5d6676; --line: #dde2ea; --bg: #f4f6f9; --card: #fff;
              --accent: #0a6e5c; --ok: #17703b; --bad: #b3261e; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink); }
            header { background: #111827; color: #f3f4f6; padding: 1rem 1.5rem 0.75rem; }
            header a { color: #7dd3c0; }
            .title { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem 2rem; }
            h1 { margin: 0; font-size: 1.35rem; font-weight: 650; }
            h1 span { color: #7dd3c0; font-weight: 400; }
            .refresh { margin: 0; color: #c3c9d4; font-size: 0.85rem; }
            .facts { display: flex; flex-wrap: wrap; gap: 0.4rem 2rem; margin: 0.75rem 0 0; }
            .facts div { display: flex; gap: 0.5rem; }
            .facts dt { color: #9aa3b2; }
            .facts dd { margin: 0; }
            header code { color: #f3f4f6; background: #263042; }
            .note { background: #fff7d6; color: #3d3000; padding: 0.5rem 0.75rem; border-radius: 6px; }
            #result { margin: 0.5rem 0 0; min-height: 1.4em; font-weight: 600; }
            #result.ok { color: #86efac; }
            #result.error { color: #fca5a5; }
            main { max-width: 1280px; margin: 0 auto; padding: 1rem 1.5rem 2rem; display: grid; gap: 1rem; }
            section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 0.9rem 1.1rem; }
            h2 { margin: 0 0 0.6rem; font-size: 1.05rem; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
            th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); }
            thead th { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); background: #f8fafc; }
            tbody th { font-weight: 600; }
            tbody tr:nth-child(even) { background: #fafbfd; }
            tr.removed { color: var(--muted); }
            code { font: 0.85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eef1f5; padding: 0.05em 0.3em; border-radius: 4px; word-break: break-all; }
            code.id { white-space: nowrap; word-break: normal; }
            .muted { color: var(--muted); }
            .small { font-size: 0.78rem; }
            .empty { color: var(--muted); margin: 0.25rem 0; }
            .ok { color: var(--ok); }
            .bad { color: var(--bad); }
            .badge { display: inline-block; padding: 0.1em 0.55em; border-radius: 999px; font-size: 0.78rem; font-weight: 650; letter-spacing: 0.02em;
              background: #e5e7eb; color: #374151; white-space: nowrap; }
            .s-under-review, .s-processing, .s-more-information-needed { background: #fef3c7; color: #7c4a03; }
            .s-pending-enablement, .s-approved { background: #dbeafe; color: #1e3a8a; }
            .s-active, .s-enabled { background: #d1fae5; color: #065f46; }
            .s-denied, .s-attention-required { background: #fee2e2; color: #991b1b; }
            .s-removed, .s-not-started { background: #e5e7eb; color: #4b5563; }
            ol.history { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.2rem; font-size: 0.8rem; color: var(--muted); }
            ol.history li + li::before { content: "→ "; }
            ul.due, ul.products { list-style: none; margin: 0.1rem 0 0.3rem; padding: 0; display: grid; gap: 0.15rem; font-size: 0.8rem; }
            thead code { text-transform: none; }
            form.control { margin: 0; }
            section > form.control { margin-top: 0.9rem; }
            fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
            legend { font-weight: 600; padding: 0; margin-bottom: 0.4rem; }
            .fields { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.6rem 1rem; }
            label { display: inline-flex; flex-direction: column; gap: 0.2rem; font-size: 0.85rem; color: var(--muted); }
            .settings label { display: inline; font-size: 0.95rem; color: var(--ink); }
            .settings { list-style: none; padding: 0; margin: 0 0 0.8rem; display: grid; gap: 0.35rem; }
            input, select, button { font: inherit; font-size: 0.9rem; }
            input:not([type]), select { padding: 0.3rem 0.45rem; border: 1px solid #b8c0cc; border-radius: 6px; background: #fff; color: var(--ink); min-width: 12rem; }
            button { padding: 0.32rem 0.85rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; font-weight: 600; }
            button.approve { background: #1d4ed8; border-color: #1d4ed8; }
            button.deny { background: #fff; color: var(--bad); border-color: var(--bad); }
            button:disabled { opacity: 0.45; cursor: not-allowed; }
            button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
            .keyline { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin-bottom: 0.6rem; }
            .keyline p { margin: 0; }
            ol.attempt-list { margin: 0; padding-left: 1.1rem; font-size: 0.8rem; }
            td.next { font-size: 0.85rem; }
            .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
            """;
    }
}
