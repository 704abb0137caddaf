using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>
    /// Reads and checks a compact ES256 JWS with the BCL only (ECDsa and Base64Url), independently of the
    /// Microsoft.IdentityModel code the emulator signs with.
    /// </summary>
    internal sealed class Jws
    {
        private readonly string[] _parts;

        public Jws(string compact)
        {
            _parts = compact.Split('.');
            if (_parts.Length != 3)
            {
                throw new FormatException($"A compact JWS has 3 parts; this has {_parts.Length}.");
            }
        }

        public string HeaderJson => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(_parts[0]));

        public string PayloadJson => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(_parts[1]));

        public JObject Header => JObject.Parse(HeaderJson);

        public JObject Payload => JObject.Parse(PayloadJson);

        /// <summary>True when the signature over header.payload verifies with the P-256 public key (x, y) of a JWK.</summary>
        public bool VerifiesWith(JWKPublicKey key)
        {
            using var ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Base64Url.DecodeFromChars(key.X), Y = Base64Url.DecodeFromChars(key.Y) },
            });
            var signed = Encoding.ASCII.GetBytes(_parts[0] + "." + _parts[1]);
            return ecdsa.VerifyData(signed, Base64Url.DecodeFromChars(_parts[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        /// <summary>The same token with one signature character changed.</summary>
        public Jws WithTamperedSignature()
        {
            var signature = _parts[2].ToCharArray();
            signature[10] = signature[10] == 'A' ? 'B' : 'A';
            return new Jws($"{_parts[0]}.{_parts[1]}.{new string(signature)}");
        }

        public static string Sha256Hex(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));
    }
}
