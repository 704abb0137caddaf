using System.Threading.Tasks;

namespace Plaid.Partner
{
    /// <summary>
    /// A response that Plaid Sandbox returns as a sample: nothing was created and any keys in it do not work.
    /// Returned only by <see cref="PlaidPartnerClient.CreateEndCustomerSandboxSampleAsync"/> and
    /// <see cref="PlaidPartnerBetaClient.CreateEndCustomerSandboxSampleAsync"/>.
    /// </summary>
    /// <typeparam name="TResponse">The response model.</typeparam>
    public sealed class PlaidSandboxSample<TResponse>
        where TResponse : class
    {
        /// <summary>Wraps a sample response.</summary>
        /// <param name="response">The sample.</param>
        public PlaidSandboxSample(TResponse response)
        {
            Response = response;
        }

        /// <summary>Always true: this is a sample, not a real end customer.</summary>
        public bool IsSample => true;

        /// <summary>The sample response as Plaid Sandbox sent it.</summary>
        public TResponse Response { get; }

        /// <summary>Says that this is a sample.</summary>
        public override string ToString() => $"Plaid Sandbox sample {typeof(TResponse).Name} (nothing was created; its keys do not work)";

        /// <summary>The answer of a sandbox-sample call, marked as a sample.</summary>
        internal static async Task<PlaidSandboxSample<TResponse>> OfAsync(Task<TResponse> sample) =>
            new(await sample.ConfigureAwait(false));
    }
}
