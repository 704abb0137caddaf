namespace Plaid.Partner.Emulator.ConsolePage
{
    /// <summary>
    /// The console's only script, inline (allowed by the page's nonce). It enables the control forms, sends each as
    /// JSON with the page's token to its control endpoint (the same endpoints curl and the C# methods use), and every
    /// few seconds swaps in fresh sections, skipping one the user is editing.
    /// </summary>
    internal static class ConsoleScript
    {
        public const string Js = """
            (() => {
              'use strict';
              const token = document.querySelector('meta[name="emulator-console-token"]').content;
              const result = document.getElementById('result');
              const enable = root => root.querySelectorAll('fieldset.js-only').forEach(f => { f.disabled = false; });
              const busy = section => section.contains(document.activeElement) || section.querySelector('form[data-dirty]') !== null;
              const say = (text, ok) => { result.textContent = text; result.className = ok ? 'ok' : 'error'; };

              async function refresh(force) {
                const response = await fetch(location.pathname, { cache: 'no-store', headers: { Accept: 'text/html' } });
                if (!response.ok) { throw new Error('HTTP ' + response.status); }
                const next = new DOMParser().parseFromString(await response.text(), 'text/html');
                document.querySelectorAll('[data-live]').forEach(old => {
                  const fresh = next.getElementById(old.id);
                  if (fresh && (force || !busy(old))) { old.replaceWith(fresh); enable(fresh); }
                });
                const updated = next.getElementById('updated');
                if (updated) { document.getElementById('updated').replaceWith(updated); }
              }

              function body(form, submitter) {
                const data = {};
                for (const field of form.elements) {
                  if (!field.name || field.type === 'submit') { continue; }
                  if (field.type === 'checkbox') { data[field.name] = field.checked; }
                  else if (field.value.trim() !== '') { data[field.name] = field.value.trim(); }
                }
                if (submitter && submitter.name) { data[submitter.name] = submitter.value; }
                return JSON.stringify(data);
              }

              document.addEventListener('input', e => { if (e.target.form) { e.target.form.dataset.dirty = '1'; } });
              document.addEventListener('submit', async e => {
                const form = e.target;
                if (!form.matches('form.control')) { return; }
                e.preventDefault();
                try {
                  const response = await fetch(form.dataset.path, {
                    method: form.dataset.method,
                    headers: { 'Content-Type': 'application/json', 'Emulator-Console-Token': token },
                    body: body(form, e.submitter),
                  });
                  if (response.ok) {
                    say((e.submitter && e.submitter.dataset.done) || form.dataset.done, true);
                  } else {
                    const text = await response.text();
                    let message = text;
                    try { message = JSON.parse(text).error; } catch { }
                    say('Refused (HTTP ' + response.status + '): ' + message, false);
                  }
                  delete form.dataset.dirty;
                  await refresh(true);
                } catch (err) {
                  say('The emulator did not answer (' + err.message + '); has it stopped?', false);
                }
              });

              enable(document);
              setInterval(() => refresh(false).catch(err => say('Could not refresh (' + err.message + '); has the emulator stopped?', false)), REFRESH_MS);
            })();
            """;
    }
}
