using System;
using System.Linq;
using System.Net;
using Microsoft.Extensions.Logging.Testing;
using NUnit.Framework;
using Plaid.Partner.Diagnostics;
using Plaid.Partner.Internal;
using Plaid.Partner.Tests.TestSupport;

namespace Plaid.Partner.Tests.Internal
{
    /// <summary>
    /// error_type, error_code and request_id come from a response body, so from whoever answered: they reach a span, a log
    /// line or an exception message only with the secret redacted, control characters escaped and their length cut.
    /// </summary>
    public class ResponseFieldTextTests
    {
        [Test]
        public void An_error_code_or_request_id_holding_the_secret_never_reaches_a_tag_a_log_record_or_the_message_raw()
        {
            // A proxy (or a confused server) echoing the request's PLAID-SECRET header into the error body, with a forged log line.
            var errorCode = "LEAKED_" + MockPlaid.Secret + "\r\nWARN forged";
            var requestId = MockPlaid.Secret + new string('r', 10 * 1024);
            var body = $$"""
                {"error_type":"INVALID_INPUT","error_code":"LEAKED_{{MockPlaid.Secret}}\r\nWARN forged","error_message":"m","display_message":null,"request_id":"{{requestId}}"}
                """;
            using var recorder = new ActivityRecorder();
            using var duration = new MeasurementRecorder<double>(PlaidMetrics.Unhosted.CallDuration);
            var logger = new FakeLogger<PlaidPartnerClient>();
            using var plaid = new MockPlaid(logger: logger);
            plaid.Respond(PlaidOperations.RemovePath, HttpStatusCode.BadRequest, body);

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.RemoveEndCustomerAsync("id"))!;

            var tags = recorder.Stopped.SelectMany(a => a.TagObjects)
                .Concat(duration.GetMeasurementSnapshot().SelectMany(m => m.Tags))
                .Select(t => t.Value?.ToString() ?? string.Empty)
                .ToList();
            var records = logger.Collector.GetSnapshot();
            var logged = string.Join("\n", records.Select(r => r.Message + " " + string.Join(" ", r.StructuredState?.Select(s => s.Value) ?? Array.Empty<string?>())));
            var failed = records.Single(r => r.Id.Id == 1001).Message;
            Assert.Multiple(() =>
            {
                Assert.That(tags, Has.None.Contain(MockPlaid.Secret));
                Assert.That(tags, Has.All.Length.LessThan(100));
                Assert.That(logged, Does.Not.Contain(MockPlaid.Secret));
                Assert.That(failed, Does.Not.Contain("\n").And.Contain("LEAKED_[REDACTED]\\u000d\\u000aWARN forged"));
                Assert.That(failed, Has.Length.LessThan(400));
                Assert.That(exception.Message, Does.Not.Contain(MockPlaid.Secret).And.Not.Contain("\n"));
                Assert.That(exception.Message, Has.Length.LessThan(400));
                Assert.That(exception.ToString(), Does.Not.Contain(MockPlaid.Secret));
                Assert.That(exception.ErrorCode, Is.EqualTo(errorCode.Replace(MockPlaid.Secret, "[REDACTED]")), "the property keeps the rest for programs");
                Assert.That(exception.RequestId, Is.EqualTo(requestId.Replace(MockPlaid.Secret, "[REDACTED]")));
            });
        }

        [Test]
        public void A_plain_short_value_is_shown_as_it_is()
        {
            const string requestId = "4zlKapIkTm8p5KM";

            Assert.Multiple(() =>
            {
                Assert.That(ResponseFieldText.Of(requestId, MockPlaid.Secret), Is.SameAs(requestId), "nothing to copy on the common path");
                Assert.That(ResponseFieldText.Of(null, MockPlaid.Secret), Is.Null);
            });
        }

        [Test]
        public void The_secret_is_redacted_before_the_value_is_cut_so_no_part_of_it_is_left()
        {
            var shown = ResponseFieldText.Of(new string('a', 60) + MockPlaid.Secret, MockPlaid.Secret);

            Assert.That(shown, Does.StartWith(new string('a', 60) + "[RED").And.Not.Contain(MockPlaid.Secret[..4]));
        }
    }
}
