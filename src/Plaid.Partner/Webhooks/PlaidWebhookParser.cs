using System;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Webhooks
{
    /// <summary>
    /// Turns a webhook body into a typed object chosen by its <c>webhook_type</c> and <c>webhook_code</c> (the library's
    /// table of webhook models; any other pair is kept as <see cref="UnknownPlaidWebhook"/>). Parse only a
    /// body that <see cref="PlaidWebhookVerifier"/> has verified: anyone can post to a webhook URL.
    /// </summary>
    public static class PlaidWebhookParser
    {
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private static readonly JsonLoadSettings LoadSettings = new()
        {
            // A body with two "status" members means two things; refuse it rather than pick one.
            DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
            LineInfoHandling = LineInfoHandling.Load,
        };

        private static readonly JsonSerializer Serializer = CreateSerializer();

        /// <summary>Parses a body given as the bytes received (UTF-8 JSON).</summary>
        /// <param name="body">The request body.</param>
        /// <returns>
        /// A <see cref="PartnerEndCustomerOAuthStatusUpdatedWebhook"/> for <c>PARTNER</c> /
        /// <c>END_CUSTOMER_OAUTH_STATUS_UPDATED</c>, otherwise an <see cref="UnknownPlaidWebhook"/>.
        /// </returns>
        /// <exception cref="PlaidWebhookFormatException">The body is not a Plaid webhook; the message says why.</exception>
        public static IPlaidWebhook Parse(ReadOnlySpan<byte> body)
        {
            string json;
            try
            {
                json = StrictUtf8.GetString(body);
            }
            catch (DecoderFallbackException e)
            {
                throw new PlaidWebhookFormatException("The webhook body is not UTF-8 text.", e);
            }

            return Parse(json);
        }

        /// <summary>Parses a body given as text.</summary>
        /// <param name="json">The request body.</param>
        /// <returns>
        /// A <see cref="PartnerEndCustomerOAuthStatusUpdatedWebhook"/> for <c>PARTNER</c> /
        /// <c>END_CUSTOMER_OAUTH_STATUS_UPDATED</c>, otherwise an <see cref="UnknownPlaidWebhook"/>.
        /// </returns>
        /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
        /// <exception cref="PlaidWebhookFormatException">The body is not a Plaid webhook; the message says why.</exception>
        public static IPlaidWebhook Parse(string json)
        {
            if (json is null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            var body = Load(json);
            var type = RequireString(body, "webhook_type");
            var code = RequireString(body, "webhook_code");
            if (PlaidWebhookTable.TryFind(type, code, out var model))
            {
                return Read(model, body, type, code);
            }

            return new UnknownPlaidWebhook(type, code, json);
        }

        private static JObject Load(string json)
        {
            using var reader = new JsonTextReader(new StringReader(json))
            {
                DateParseHandling = Serializer.DateParseHandling,
                MaxDepth = Serializer.MaxDepth,
            };
            JToken token;
            try
            {
                token = JToken.ReadFrom(reader, LoadSettings);
                if (reader.Read() && reader.TokenType != JsonToken.Comment)
                {
                    throw new PlaidWebhookFormatException($"The webhook body has more after its JSON value (line {reader.LineNumber}, position {reader.LinePosition}).");
                }
            }
            catch (JsonException e)
            {
                throw new PlaidWebhookFormatException($"The webhook body is not valid JSON: {e.Message}", e);
            }

            return token as JObject ?? throw new PlaidWebhookFormatException($"The webhook body must be a JSON object; it is a {token.Type}.");
        }

        private static string RequireString(JObject body, string name)
        {
            var value = body[name];
            if (value is null || value.Type != JTokenType.String || string.IsNullOrEmpty((string?)value))
            {
                throw new PlaidWebhookFormatException($"The webhook body has no {name}: every Plaid webhook names its {name} as a non-empty string.");
            }

            return (string)value!;
        }

        private static IPlaidWebhook Read(PlaidWebhookModel model, JObject body, string type, string code)
        {
            try
            {
                return model.Read(body, Serializer) ?? throw new PlaidWebhookFormatException($"The {type} {code} webhook body is empty.");
            }
            catch (JsonException e)
            {
                throw new PlaidWebhookFormatException($"The {type} {code} webhook body does not match its model: {e.Message}", e);
            }
        }

        private static JsonSerializer CreateSerializer()
        {
            var settings = new JsonSerializerSettings();
            PlaidJson.Configure(settings);
            return JsonSerializer.Create(settings);
        }
    }
}
