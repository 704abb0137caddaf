using Microsoft.Extensions.Options;

namespace Plaid.Partner.Ledger.DependencyInjection
{
    /// <summary>Fails the host's start when the ledger's options choose no store or hold an invalid setting, naming it.</summary>
    internal sealed class EndCustomerLedgerOptionsValidator : IValidateOptions<EndCustomerLedgerOptions>
    {
        public ValidateOptionsResult Validate(string? name, EndCustomerLedgerOptions options)
        {
            if (name != Options.DefaultName)
            {
                return ValidateOptionsResult.Skip;
            }

            var problems = options.Problems();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
