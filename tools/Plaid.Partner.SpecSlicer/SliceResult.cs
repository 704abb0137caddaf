using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>The partner subset and the figures the summary reports.</summary>
    internal sealed record SliceResult(
        JObject Document,
        string OpenApiVersion,
        int InputOperationCount,
        IReadOnlyList<string> Operations,
        IReadOnlyList<string> InputSchemas,
        IReadOnlyList<string> Schemas,
        IReadOnlyList<string> WebhookSchemas,
        IReadOnlyList<string> InputServers,
        IReadOnlyList<string> Servers,
        IReadOnlyList<(OverlayAction Action, int Matched)> OverlayResults,
        int DescribedReferences,
        CredentialPolicyResult Policy);
}
