using System.Text.Json.Nodes;

namespace Plaid.Partner.Testing
{
    /// <summary>
    /// A public key as the <c>key</c> member of Plaid's <c>/webhook_verification_key/get</c> answer: every member of the
    /// contract's <c>JWKPublicKey</c>, <c>expired_at</c> present even while null (Plaid API docs, Webhooks › Webhook
    /// verification). The one mapping, for the signer's key endpoint and the emulator's.
    /// </summary>
    internal static class PublicJwkJson
    {
        public static JsonObject Write(JWKPublicKey key) => new()
        {
            ["alg"] = key.Alg,
            ["created_at"] = key.CreatedAt,
            ["crv"] = key.Crv,
            ["expired_at"] = key.ExpiredAt,
            ["kid"] = key.Kid,
            ["kty"] = key.Kty,
            ["use"] = key.Use,
            ["x"] = key.X,
            ["y"] = key.Y,
        };
    }
}
