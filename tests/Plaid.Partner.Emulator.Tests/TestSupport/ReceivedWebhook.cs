using System.Collections.Generic;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>One request the <see cref="WebhookReceiver"/> got, body bytes untouched.</summary>
    internal sealed record ReceivedWebhook(byte[] Body, IReadOnlyDictionary<string, string> Headers, string Method, string Path)
    {
        public string Text => Encoding.UTF8.GetString(Body);

        public JObject Json => JObject.Parse(Text);

        public string Verification => Headers["Plaid-Verification"];
    }
}
