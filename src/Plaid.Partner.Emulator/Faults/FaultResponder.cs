using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Plaid.Partner.Emulator.Errors;
using Plaid.Partner.Emulator.Hosting;

namespace Plaid.Partner.Emulator.Faults
{
    /// <summary>Carries out an injected fault. Returns true when the fault answered (or dropped) the request, false when handling goes on.</summary>
    internal static class FaultResponder
    {
        public static async Task<bool> ApplyAsync(HttpContext context, EmulatorRuntime runtime, EmulatorFault fault, string path, string requestId)
        {
            runtime.Logger.LogInformation("POST {Path}: injected fault {Fault} request_id={RequestId}", path, fault, requestId);
            switch (fault.Kind)
            {
                case EmulatorFaultKind.Delay:
                    using (var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, runtime.Stopping))
                    {
                        try
                        {
                            await Task.Delay(fault.DelayDuration!.Value, linked.Token).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException)
                        {
                            context.Abort();
                            return true;
                        }
                    }

                    return false;

                case EmulatorFaultKind.DropConnection:
                    context.Abort();
                    return true;

                default:
                    if (fault.RetryAfter is { } retryAfter)
                    {
                        context.Response.Headers.RetryAfter = EmulatorFault.RetryAfterSeconds(retryAfter).ToString(CultureInfo.InvariantCulture);
                    }

                    if (fault.Kind == EmulatorFaultKind.Status && fault.Body is { } body)
                    {
                        context.Response.StatusCode = fault.StatusCode!.Value;
                        context.Response.ContentType = "text/plain; charset=utf-8";
                        await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
                        return true;
                    }

                    var error = fault.Kind == EmulatorFaultKind.RateLimit ? PlaidErrors.RateLimit : PlaidErrors.ForInjectedStatus(fault.StatusCode!.Value);
                    await PlaidRequestPipeline.WriteErrorAsync(context, runtime, error, requestId).ConfigureAwait(false);
                    return true;
            }
        }
    }
}
