using Microsoft.Extensions.Options;
using Plaid.Partner.Internal;

namespace Plaid.Partner.DependencyInjection
{
    /// <summary>
    /// Applies <see cref="PlaidPartnerOptionsRules"/> to one named registration when the host starts (ValidateOnStart),
    /// naming the configuration keys that are wrong.
    /// </summary>
    internal sealed class PlaidPartnerOptionsStartupValidator : IValidateOptions<PlaidPartnerOptions>
    {
        private readonly string _name;
        private readonly string _keyPrefix;

        public PlaidPartnerOptionsStartupValidator(string name, string keyPrefix)
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
            var problems = PlaidPartnerOptionsRules.Problems(options, _keyPrefix, separator);
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
