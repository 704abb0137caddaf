using Microsoft.Extensions.Options;
using Plaid.Partner.Internal;

namespace Plaid.Partner.DependencyInjection
{
    /// <summary>Start-up validation of one registration's options, naming the configuration keys that are wrong.</summary>
    internal sealed class PlaidPartnerOptionsValidator : IValidateOptions<PlaidPartnerOptions>
    {
        private readonly string _name;
        private readonly string _keyPrefix;

        public PlaidPartnerOptionsValidator(string name, string keyPrefix)
        {
            _name = name;
            _keyPrefix = keyPrefix;
        }

        public ValidateOptionsResult Validate(string? name, PlaidPartnerOptions options)
        {
            if (name != _name)
            {
                return ValidateOptionsResult.Skip;
            }

            var separator = _keyPrefix.EndsWith(':') ? ":" : ".";
            var problems = PlaidPartnerOptionsValidation.Problems(options, _keyPrefix, separator);
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
