using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Plaid.Partner.Internal
{
    /// <summary>
    /// One operation of the generated client, sent through <paramref name="http"/>, e.g.
    /// <c>static (api, http, body, ct) =&gt; api.PartnerCustomerGetAsync(http, body, ct)</c>: written once per operation in
    /// <see cref="PlaidOperations"/>. A static lambda, so the compiler caches it and a call allocates no delegate.
    /// </summary>
    internal delegate ValueTask<PlaidAttempt<TResponse>> GeneratedOperation<in TRequest, TResponse>(PlaidPartnerApiClient api, HttpClient http, TRequest body, CancellationToken cancellationToken)
        where TResponse : class;
}
