namespace Plaid.Partner.Webhooks
{
    /// <summary>
    /// Why a webhook failed verification: one value per kind of failure, so a receiver can log and count them.
    /// Every value except <see cref="KeyFetchFailed"/> and <see cref="KeyFetchThrottled"/> means the request did not come
    /// from Plaid as received (forged, altered, replayed late, or not a Plaid webhook at all).
    /// </summary>
    public enum WebhookVerificationFailureReason
    {
        /// <summary>The <c>Plaid-Verification</c> header is missing, empty or only white space.</summary>
        HeaderMissing = 1,

        /// <summary>The <c>Plaid-Verification</c> header is longer than <see cref="PlaidVerificationHeader.MaxLength"/>; it was not parsed.</summary>
        HeaderTooLarge,

        /// <summary>
        /// The header is not a compact JWS: not exactly three dot-separated parts, a part that is not strict base64url,
        /// a header or payload that is not a JSON object, a repeated member, or a <c>crit</c> extension.
        /// </summary>
        MalformedToken,

        /// <summary>The JWT header's <c>alg</c> is not exactly <c>ES256</c> (e.g. <c>none</c>, <c>HS256</c>, <c>RS256</c>, <c>ES384</c>).</summary>
        AlgorithmNotAllowed,

        /// <summary>The JWT header has no <c>kid</c> (key id), or it is empty, white space or not a string.</summary>
        KeyIdMissing,

        /// <summary>Plaid does not know the <c>kid</c> (<c>INVALID_WEBHOOK_VERIFICATION_KEY_ID</c>), now or within the last few minutes.</summary>
        KeyNotFound,

        /// <summary>The key's <c>expired_at</c> has passed: Plaid rotated it out and no longer signs with it.</summary>
        KeyExpired,

        /// <summary>The JWK Plaid returned is not an ES256 signing key: <c>kty</c> is not <c>EC</c>, <c>crv</c> is not <c>P-256</c>, or its point is invalid.</summary>
        KeyUnsupported,

        /// <summary>
        /// The key could not be fetched (network, timeout, or a Plaid error other than an unknown key id). Not evidence of
        /// forgery; Plaid retries a webhook that is not answered with 200.
        /// </summary>
        KeyFetchFailed,

        /// <summary>Too many never-seen key ids were looked up recently (<see cref="PlaidWebhookVerifierOptions.MaxNewKeyIdFetchesPerMinute"/>); this one was not looked up.</summary>
        KeyFetchThrottled,

        /// <summary>The ES256 signature does not verify with the key (signed by another key, truncated, or altered).</summary>
        SignatureInvalid,

        /// <summary>The signed payload has no <c>iat</c> (issued at), or it is not an integer.</summary>
        IssuedAtMissing,

        /// <summary>The token was issued more than five minutes ago (<see cref="PlaidWebhookVerifier.MaxTokenAge"/>): a replay or a badly delayed delivery.</summary>
        TokenTooOld,

        /// <summary>The token's <c>iat</c> is later than now plus <see cref="PlaidWebhookVerifierOptions.ClockSkew"/>.</summary>
        IssuedInFuture,

        /// <summary>The signed payload has no <c>request_body_sha256</c>, or it is not a string.</summary>
        BodyHashMissing,

        /// <summary>The SHA-256 of the body bytes as received differs from the signed <c>request_body_sha256</c>: the body was changed, re-encoded or re-indented.</summary>
        BodyHashMismatch,
    }
}
