namespace Plaid.Partner.SpecSlicer
{
    /// <summary>What <see cref="CredentialPolicy"/> changed: credential members removed and object schemas closed.</summary>
    internal sealed class CredentialPolicyResult
    {
        public int CredentialsRemoved { get; set; }

        public int ClosedSchemas { get; set; }
    }
}
