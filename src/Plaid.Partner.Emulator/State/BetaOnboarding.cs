using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.Emulator.State
{
    /// <summary>
    /// What the beta onboarding knows of an end customer created through <c>/beta/partner/customer/v1/create</c>: the
    /// details received so far, the products asked for, which are enabled, and what is still due. Only
    /// <see cref="CustomerStore"/> touches it, under its lock; <see cref="ToView"/> is the copy everyone else reads.
    /// </summary>
    internal sealed class BetaOnboarding
    {
        private static readonly JsonMergeSettings MergeSettings = new() { MergeArrayHandling = MergeArrayHandling.Replace };

        private readonly HashSet<string> _enabledProducts = new(StringComparer.Ordinal);
        private IReadOnlyCollection<string> _productsAwaitingInformation = Array.Empty<string>();

        public BetaOnboarding(JObject details, IReadOnlyList<string> products)
        {
            Details = details;
            Products = products;
        }

        /// <summary>The onboarding details received so far: the create's body, with every update merged in.</summary>
        public JObject Details { get; }

        /// <summary>The products the end customer asked for, in the create's order (the reseller's when it named none).</summary>
        public IReadOnlyList<string> Products { get; }

        /// <summary>What is still due, as <c>requirements_due</c> entries, in the rule table's order.</summary>
        public IReadOnlyList<string> RequirementsDue { get; private set; } = Array.Empty<string>();

        /// <summary>True once an enable turned on at least one product.</summary>
        public bool AnyEnabled => _enabledProducts.Count > 0;

        public bool IsEnabled(string product) => _enabledProducts.Contains(product);

        /// <summary>Members given replace those stored; objects are merged member by member, arrays replaced whole.</summary>
        public void Merge(JObject changes) => Details.Merge(changes, MergeSettings);

        public void Assess(RequirementAssessor assess)
        {
            var requirements = assess(Details, Products);
            RequirementsDue = requirements.Due;
            _productsAwaitingInformation = requirements.ProductsAwaitingInformation;
        }

        public void Enable(IEnumerable<string> products) => _enabledProducts.UnionWith(products);

        /// <summary>ACTIVE once enabled; otherwise MORE_INFORMATION_NEEDED while a requirement of the product is due, else PENDING_ENABLEMENT.</summary>
        public string ProductStatus(string product) =>
            _enabledProducts.Contains(product) ? CustomerStatus.Active
            : _productsAwaitingInformation.Contains(product) ? CustomerStatus.MoreInformationNeeded
            : CustomerStatus.PendingEnablement;

        public BetaOnboardingView ToView() => new(
            Products.ToArray(),
            Products.ToDictionary(p => p, ProductStatus, StringComparer.Ordinal),
            RequirementsDue.ToArray(),
            (JObject)Details.DeepClone());
    }

    /// <summary>Works out what a customer's details still lack for its products (Operations/RequirementsDue.cs).</summary>
    internal delegate OnboardingRequirements RequirementAssessor(JObject details, IReadOnlyList<string> products);

    /// <summary>The requirements due, and the products that need at least one of them.</summary>
    internal sealed record OnboardingRequirements(IReadOnlyList<string> Due, IReadOnlyCollection<string> ProductsAwaitingInformation);
}
