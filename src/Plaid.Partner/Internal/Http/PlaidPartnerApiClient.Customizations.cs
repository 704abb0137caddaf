using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Plaid.Partner.Internal;

namespace Plaid.Partner
{
    /// <summary>
    /// Customizations of the generated client (never edit generated/ by hand). One instance serves a whole
    /// <see cref="PlaidCallPipeline"/>: it holds no HttpClient (each operation takes one) and nothing per call. Its
    /// operations answer a <see cref="PlaidAttempt{TResponse}"/>: the response, or the failure as a value.
    /// </summary>
    internal partial class PlaidPartnerApiClient
    {
        private static readonly System.Lazy<JsonSerializer> RequestSerializer = new(CreateRequestSerializer, isThreadSafe: true);
        private static readonly System.Lazy<JsonSerializer> ResponseSerializer = new(CreateResponseSerializer, isThreadSafe: true);

        private readonly PlaidPartnerOptions? _options;
        private readonly int _maxResponseBodyBytes = PlaidPartnerOptions.DefaultMaxResponseBodyBytes;

        /// <summary>A generated client bound to validated options: base address, headers and the body limit come from them.</summary>
        public PlaidPartnerApiClient(PlaidPartnerOptions options)
            : this()
        {
            _options = options;
            _maxResponseBodyBytes = options.MaxResponseBodyBytes;
            BaseUrl = options.Environment.BaseAddress.AbsoluteUri;
        }

        static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings) =>
            PlaidJson.Configure(settings);

        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
        {
            if (_options is not null)
            {
                PlaidRequestHeaders.Apply(request, _options);
            }
        }

        /// <summary>Every request body the generated code sends (openapi/templates/Client.Class.liquid).</summary>
        private static HttpContent CreateJsonContent(object body) => PlaidRequestBody.Create(body, RequestSerializer.Value);

        /// <summary>
        /// Every response body the generated code reads (openapi/templates/Client.Class.ReadObjectResponse.liquid): at most
        /// the configured number of bytes, parsed once. The generated code asks for <see cref="PlaidError"/> on every status
        /// but the documented one; that body is read tolerantly, since any proxy may answer it, and its text is kept for the
        /// error's snippet. A success body is parsed from the bytes; its text is decoded only when it cannot be used.
        /// </summary>
        private async ValueTask<ObjectResponseResult<T>> ReadPlaidResponseAsync<T>(
            HttpResponseMessage response,
            IReadOnlyDictionary<string, IEnumerable<string>> headers,
            CancellationToken cancellationToken)
        {
            using var body = await PlaidResponseBody.ReadAsync(response, headers, _maxResponseBodyBytes, cancellationToken).ConfigureAwait(false);
            if (typeof(T) == typeof(PlaidError))
            {
                var text = body.ToText();
                return new ObjectResponseResult<T>((T)(object?)PlaidErrorReader.TryRead(text)!, text);
            }

            try
            {
                var result = body.Deserialize<T>(ResponseSerializer.Value);
                return new ObjectResponseResult<T>(result!, result is null ? body.ToText() : string.Empty);
            }
            catch (JsonException)
            {
                // No object: the generated code returns the failure (Failure) with the text, and the message quotes it.
                return new ObjectResponseResult<T>(default!, body.ToText());
            }
        }

        /// <summary>
        /// Every answer that is not the documented response, as the generated code returns it
        /// (openapi/templates/Client.Class.ProcessResponse.liquid): a value, never thrown.
        /// </summary>
        private static PlaidFailure Failure(int status, string? text, IReadOnlyDictionary<string, IEnumerable<string>> headers, PlaidError? error) =>
            new(status, text, headers, error);

        // What JsonConvert.SerializeObject does per call (the stock template's write), once.
        private static JsonSerializer CreateRequestSerializer() => JsonSerializer.CreateDefault(_settings.Value);

        // What JsonConvert.DeserializeObject does per call (the stock template's read), once: the same settings, and
        // content after the JSON value is an error.
        private static JsonSerializer CreateResponseSerializer()
        {
            var serializer = JsonSerializer.CreateDefault(_settings.Value);
            serializer.CheckAdditionalContent = true;
            return serializer;
        }
    }
}
