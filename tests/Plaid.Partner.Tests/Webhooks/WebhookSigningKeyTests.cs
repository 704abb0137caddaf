using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Tests.TestSupport;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Tests.Webhooks
{
    public class WebhookSigningKeyTests
    {
        [Test]
        public void Parallel_verifications_share_the_pooled_keys_correctly()
        {
            using var signer = new TestSigningKey();
            var key = WebhookSigningKey.TryCreate(signer.ToJwk().ToObject<JWKPublicKey>()!, signer.KeyId, out var problem);
            Assert.That(key, Is.Not.Null, problem);
            var data = Enumerable.Range(0, 64).Select(i => new byte[] { (byte)i, 1, 2, 3 }).ToArray();
            var signatures = data.Select(d => signer.Key.SignData(d, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)).ToArray();
            var genuine = new bool[2000];
            var swapped = new bool[2000];

            Parallel.For(0, genuine.Length, i =>
            {
                genuine[i] = key!.Verify(data[i % 64], signatures[i % 64]);
                swapped[i] = key.Verify(data[i % 64], signatures[(i + 1) % 64]);
            });

            Assert.Multiple(() =>
            {
                Assert.That(genuine, Is.All.True);
                Assert.That(swapped, Is.All.False);
            });
        }
    }
}
