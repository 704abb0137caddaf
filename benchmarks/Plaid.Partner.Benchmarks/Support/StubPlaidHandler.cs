using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Plaid.Partner.Benchmarks.Support
{
    /// <summary>
    /// An in-process transport that answers every request with one fixed JSON body and status (200 unless told). It reads the whole request body
    /// first, as a real transport writes every byte, so request serialization is measured on both sides of a ratio.
    /// </summary>
    internal sealed class StubPlaidHandler : HttpMessageHandler
    {
        private readonly byte[] _responseBody;
        private readonly bool _captureRequestBodies;
        private readonly HttpStatusCode _status;

        public StubPlaidHandler(string responseJson, bool captureRequestBodies = false, HttpStatusCode status = HttpStatusCode.OK)
        {
            _responseBody = Encoding.UTF8.GetBytes(responseJson);
            _captureRequestBodies = captureRequestBodies;
            _status = status;
        }

        /// <summary>The last request body, when capturing (setup checks only; never while measuring).</summary>
        public string? LastRequestBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_captureRequestBodies)
            {
                LastRequestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            }
            else if (request.Content is not null)
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken);
            }

            var content = new ByteArrayContent(_responseBody);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return new HttpResponseMessage(_status) { Content = content, RequestMessage = request };
        }
    }
}
