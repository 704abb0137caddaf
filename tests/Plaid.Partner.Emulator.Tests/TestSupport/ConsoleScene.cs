using System;
using System.Threading.Tasks;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>
    /// An emulator holding what a quickstart run leaves and a little more: an ACTIVE customer with OAuth progress, one
    /// under review whose name is markup, one denied, one removed; five webhook deliveries (four signed with a key
    /// since rotated out, one the receiver answered 500); and a fault on a Plaid path.
    /// </summary>
    internal sealed class ConsoleScene : IAsyncDisposable
    {
        public const string HostileCompany = "Globex <img src=x onerror=\"window.__pwned=1\"> & Co";

        private readonly WebhookReceiver _receiver;
        private readonly WebhookReceiver _failingReceiver;

        private ConsoleScene(PlaidPartnerEmulator emulator, WebhookReceiver receiver, WebhookReceiver failingReceiver, string acme, string hostile)
        {
            Emulator = emulator;
            _receiver = receiver;
            _failingReceiver = failingReceiver;
            Acme = acme;
            Hostile = hostile;
        }

        public PlaidPartnerEmulator Emulator { get; }

        /// <summary>The ACTIVE customer.</summary>
        public string Acme { get; }

        /// <summary>The customer under review whose company name is markup.</summary>
        public string Hostile { get; }

        public Uri ConsoleUrl => Emulator.ConsoleAddress;

        public static async Task<ConsoleScene> BuildAsync()
        {
            var receiver = await WebhookReceiver.StartAsync();
            var failing = await WebhookReceiver.StartAsync(statusCode: 500);
            var emulator = await PlaidPartnerEmulator.StartAsync(new PlaidPartnerEmulatorOptions { WebhookUrl = receiver.Url });
            var client = emulator.CreateClient();

            var acme = await CreateAsync(client, "Acme Robotics", "Acme Payouts");
            await emulator.SetCustomerStatusAsync(acme, PartnerEndCustomerStatus.PendingEnablement);
            await client.EnableEndCustomerAsync(acme);
            // Webhooks go out one at a time in order, so once this one is answered the enable's three are logged too.
            await emulator.SetOAuthStatusAsync(acme, "ins_56", PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);
            await emulator.RotateWebhookKeyAsync();

            var hostile = await CreateAsync(client, HostileCompany, "Globex \"Ledger\" <script>window.__pwned=2</script>");
            var initech = await CreateAsync(client, "Initech", "TPS Reports");
            await emulator.SetCustomerStatusAsync(initech, PartnerEndCustomerStatus.Denied);
            var umbrella = await CreateAsync(client, "Umbrella", "Umbrella Pay");
            await client.RemoveEndCustomerAsync(umbrella);

            await emulator.SetWebhookUrlAsync(failing.Url);
            await emulator.SetOAuthStatusAsync(acme, "ins_1", PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired);
            await emulator.SetWebhookUrlAsync(receiver.Url);
            await emulator.InjectFaultAsync("/partner/customer/get", EmulatorFault.RateLimit(TimeSpan.FromSeconds(3)).Times(2));
            return new ConsoleScene(emulator, receiver, failing, acme, hostile);
        }

        /// <summary>
        /// A hostile page: a no-cors text/plain post (leaves the browser without a preflight), an application/json post
        /// (needs one), a read of the console; with <c>?form</c>, a plain form post that rotates the key.
        /// </summary>
        public static string AttackPage(Uri emulator, string customerId) => $$"""
            <!DOCTYPE html><html lang="en"><head><title>Totally normal page</title></head><body>
            <form id="f" method="post" enctype="text/plain" action="{{emulator.AbsoluteUri}}__emulator/webhook_key/rotate"><input name="a" value="b"></form>
            <script>
              const base = '{{emulator.AbsoluteUri}}';
              const body = JSON.stringify({ end_customer_client_id: '{{customerId}}', status: 'DENIED' });
              window.results = {};
              if (location.search === '?form') {
                document.getElementById('f').submit();
              } else {
                (async () => {
                  try {
                    const r = await fetch(base + '__emulator/customers/status', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body });
                    results.simple = 'sent ' + r.type;
                  }
                  catch (e) { results.simple = 'blocked: ' + e.message; }
                  try { const r = await fetch(base + '__emulator/customers/status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }); results.json = 'answered ' + r.status; }
                  catch (e) { results.json = 'blocked: ' + e.message; }
                  try { const r = await fetch(base + '__emulator/console'); results.read = 'read ' + (await r.text()).length; }
                  catch (e) { results.read = 'blocked: ' + e.message; }
                  window.done = true;
                })();
              }
            </script></body></html>
            """;

        public async ValueTask DisposeAsync()
        {
            await Emulator.DisposeAsync();
            await _receiver.DisposeAsync();
            await _failingReceiver.DisposeAsync();
        }

        private static async Task<string> CreateAsync(PlaidPartnerClient client, string company, string application)
        {
            var request = CreateRequests.Valid(application);
            request.CompanyName = company;
            return (await client.CreateEndCustomerAsync(request)).EndCustomer!.ClientId!;
        }
    }
}
