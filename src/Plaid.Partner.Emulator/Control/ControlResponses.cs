using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Plaid.Partner.Emulator.Control
{
    /// <summary>Writes a control refusal: <c>{"error": "…"}</c> with its status.</summary>
    internal static class ControlResponses
    {
        public static Task WriteErrorAsync(HttpContext context, int status, string message)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(ControlJson.Serialize(new ControlError { Error = message }), context.RequestAborted);
        }
    }
}
