using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Plaid.Partner.SpecSlicer
{
    /// <summary>What a run did, and its printed summary.</summary>
    internal sealed record SliceReport(SliceResult Result, CommandLine CommandLine, IReadOnlyList<string> RemovedOperations, bool Changed)
    {
        public void Write(TextWriter output)
        {
            var r = Result;
            var dropped = r.InputSchemas.Except(r.Schemas, StringComparer.Ordinal).Count();
            var added = r.Schemas.Except(r.InputSchemas, StringComparer.Ordinal).ToList();
            output.WriteLine($"input:      {Relative(CommandLine.Input)} (OpenAPI {r.OpenApiVersion})");
            output.WriteLine($"operations: {r.Operations.Count} kept of {r.InputOperationCount}");
            foreach (var operation in r.Operations)
            {
                output.WriteLine($"  {operation}");
            }

            var addedText = added.Count > 0 ? $", {added.Count} added by the overlay: {string.Join(", ", added)}" : string.Empty;
            output.WriteLine($"schemas:    {r.Schemas.Count} kept, {dropped} dropped (of {r.InputSchemas.Count}){addedText}");
            output.WriteLine($"webhooks:   {(r.WebhookSchemas.Count == 0 ? "none" : string.Join(", ", r.WebhookSchemas))}");
            output.WriteLine($"servers:    {string.Join(", ", r.Servers)} kept; {r.InputServers.Count - r.Servers.Count} dropped");
            if (CommandLine.Overlay is null)
            {
                output.WriteLine("overlay:    none");
            }
            else
            {
                // A removal that finds nothing is the normal case on an already-sliced file; an update that finds
                // nothing means its target is gone from Plaid's file and the difference silently stopped applying.
                var removalsIdle = r.OverlayResults.Count(x => x.Matched == 0 && x.Action.Remove);
                var updatesIdle = r.OverlayResults.Where(x => x.Matched == 0 && !x.Action.Remove).ToList();
                output.WriteLine(
                    $"overlay:    {r.OverlayResults.Count} action(s) from {Relative(CommandLine.Overlay)}: {r.OverlayResults.Count(x => x.Matched > 0)} applied, "
                    + $"{removalsIdle} removal(s) had nothing to remove, {updatesIdle.Count} update(s) matched nothing");
                foreach (var (action, _) in updatesIdle)
                {
                    output.WriteLine($"  update matched nothing: {action.Target}{(action.Description is null ? string.Empty : $" ({action.Description})")}");
                }
            }

            output.WriteLine(
                $"policy:     {r.Policy.CredentialsRemoved} credential member(s) removed from request bodies; additionalProperties: false set on "
                + $"{r.Policy.ClosedSchemas} request-only object schema(s); {r.DescribedReferences} described $ref(s) written as allOf");
            if (RemovedOperations.Count > 0)
            {
                output.WriteLine($"removed:    {string.Join(", ", RemovedOperations)} (accepted with --accept-removed-operations)");
            }

            output.WriteLine($"output:     {Relative(CommandLine.Output)} ({(Changed ? "written" : "unchanged")})");
        }

        // Paths under the current folder (the repository, usually) are shown relative to it, others in full.
        private static string Relative(string path)
        {
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
            return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
        }
    }
}
