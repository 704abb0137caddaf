using System;

namespace Plaid.Partner
{
    /// <summary>
    /// Thrown before any request is sent when an end customer would be created outside Production. Plaid's
    /// <c>/partner/customer/create</c> must be called in Production even to obtain Sandbox keys: in Sandbox it returns
    /// a sample, creates nothing, and the keys it returns do not work. The beta onboarding calls that change an end
    /// customer (<see cref="PlaidPartnerBetaClient.UpdateEndCustomerAsync"/>,
    /// <see cref="PlaidPartnerBetaClient.EnableEndCustomerAsync"/>) are refused outside Production the same way.
    /// </summary>
    public sealed class PlaidProductionOnlyException : InvalidOperationException
    {
        /// <summary>Creates the exception with the standard explanation for <paramref name="operationPath"/>.</summary>
        /// <param name="operationPath">The Plaid path that is production-only.</param>
        /// <param name="environment">The environment the client is configured for.</param>
        public PlaidProductionOnlyException(string operationPath, PlaidEnvironment environment)
            : base($"{operationPath} must be called in Production, even to obtain Sandbox API keys: in {environment} it returns a sample response, " +
                   "creates no end customer, and its API keys do not work. " +
                   "Create end customers with a client whose PlaidPartnerOptions.Environment is PlaidEnvironment.Production; " +
                   "to ask Sandbox for its sample response on purpose, call CreateEndCustomerSandboxSampleAsync.")
        {
            OperationPath = operationPath;
            Environment = environment;
        }

        /// <summary>Creates the exception with an explanation specific to <paramref name="operationPath"/>.</summary>
        internal PlaidProductionOnlyException(string operationPath, PlaidEnvironment environment, string message)
            : base(message)
        {
            OperationPath = operationPath;
            Environment = environment;
        }

        /// <summary>The production-only Plaid path.</summary>
        public string OperationPath { get; }

        /// <summary>The environment the client is configured for.</summary>
        public PlaidEnvironment Environment { get; }
    }
}
