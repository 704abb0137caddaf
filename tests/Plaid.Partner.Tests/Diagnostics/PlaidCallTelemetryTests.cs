using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Plaid.Partner.Diagnostics;
using Plaid.Partner.Internal;
using Plaid.Partner.Tests.TestSupport;
using RichardSzalay.MockHttp;

namespace Plaid.Partner.Tests.Diagnostics
{
    /// <summary>One client span and one duration measurement per call, retries counted, nothing secret in a tag.</summary>
    public class PlaidCallTelemetryTests
    {
        private const string CustomerNotFound = """
            {"error_type":"INVALID_INPUT","error_code":"CUSTOMER_NOT_FOUND","error_message":"the end customer could not be found","display_message":null,"request_id":"notFound42"}
            """;

        private static readonly string[] DocumentedTags =
        {
            "plaid.operation", "plaid.environment", "plaid.request_id", "plaid.retry_count", "plaid.error_type", "plaid.error_code", "error.type",
        };

        [Test]
        public async Task A_call_is_one_client_span_with_its_operation_environment_and_request_id()
        {
            using var recorder = new ActivityRecorder();
            using var plaid = new MockPlaid(PlaidEnvironment.Production);
            plaid.Respond(PlaidOperations.GetPath, HttpStatusCode.OK, PlaidExampleResponses.GetResponse);

            await plaid.Client.GetEndCustomerAsync("7f57eb3d2a9j6480121fx361");

            var span = recorder.Single();
            Assert.Multiple(() =>
            {
                Assert.That(span.DisplayName, Is.EqualTo("Plaid /partner/customer/get"));
                Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
                Assert.That(span.Source.Name, Is.EqualTo("Plaid.Partner"));
                Assert.That(span.GetTagItem("plaid.operation"), Is.EqualTo("/partner/customer/get"));
                Assert.That(span.GetTagItem("plaid.environment"), Is.EqualTo("production"));
                Assert.That(span.GetTagItem("plaid.request_id"), Is.EqualTo("4zlKapIkTm8p5KM"));
                Assert.That(span.GetTagItem("plaid.retry_count"), Is.EqualTo(0));
                Assert.That(span.GetTagItem("error.type"), Is.Null);
                Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
            });
        }

        [Test]
        public async Task The_span_is_a_child_of_the_callers_activity()
        {
            using var recorder = new ActivityRecorder();
            using var parentSource = new ActivitySource("Plaid.Partner.Tests.Parent");
            using var parentListener = new ActivityListener
            {
                ShouldListenTo = s => s == parentSource,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(parentListener);
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.RemovePath, HttpStatusCode.OK, PlaidExampleResponses.RemoveResponse);

            using (var parent = parentSource.StartActivity("handling a request"))
            {
                await plaid.Client.RemoveEndCustomerAsync("id");
                Assert.That(recorder.Single().ParentSpanId, Is.EqualTo(parent!.SpanId));
            }
        }

        [Test]
        public async Task A_plaid_error_marks_the_span_failed_with_plaids_error_type_code_and_request_id()
        {
            using var recorder = new ActivityRecorder();
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.GetPath, HttpStatusCode.BadRequest, CustomerNotFound);

            await Assert.ThatAsync(() => plaid.Client.GetEndCustomerAsync("missing"), Throws.InstanceOf<PlaidApiException>());

            var span = recorder.Single();
            Assert.Multiple(() =>
            {
                Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
                Assert.That(span.StatusDescription, Is.Null, "exception messages may echo the request; they stay out of the span");
                Assert.That(span.GetTagItem("error.type"), Is.EqualTo("INVALID_INPUT"));
                Assert.That(span.GetTagItem("plaid.error_type"), Is.EqualTo("INVALID_INPUT"));
                Assert.That(span.GetTagItem("plaid.error_code"), Is.EqualTo("CUSTOMER_NOT_FOUND"));
                Assert.That(span.GetTagItem("plaid.request_id"), Is.EqualTo("notFound42"));
            });
        }

        [Test]
        public async Task A_transport_failure_is_tagged_with_the_exception_type()
        {
            using var recorder = new ActivityRecorder();
            using var duration = new MeasurementRecorder<double>(PlaidMetrics.Unhosted.CallDuration);
            using var plaid = new MockPlaid();
            plaid.Handler.When(HttpMethod.Post, MockPlaid.Url(plaid.Options.Environment, PlaidOperations.EnablePath)).Throw(new HttpRequestException("connection refused"));

            await Assert.ThatAsync(() => plaid.Client.EnableEndCustomerAsync("id"), Throws.InstanceOf<HttpRequestException>());

            var measurement = duration.GetMeasurementSnapshot().Single();
            Assert.Multiple(() =>
            {
                Assert.That(recorder.Single().GetTagItem("error.type"), Is.EqualTo("System.Net.Http.HttpRequestException"));
                Assert.That(measurement.Tags["plaid.outcome"], Is.EqualTo("transport_error"));
                Assert.That(measurement.Tags["error.type"], Is.EqualTo("System.Net.Http.HttpRequestException"));
            });
        }

        [Test]
        public async Task The_duration_is_recorded_in_seconds_by_operation_and_outcome()
        {
            var time = new FakeTimeProvider();
            using var duration = new MeasurementRecorder<double>(PlaidMetrics.Unhosted.CallDuration);
            using var plaid = new MockPlaid(timeProvider: time);
            plaid.Handler.When(HttpMethod.Post, MockPlaid.Url(plaid.Options.Environment, PlaidOperations.GetPath)).Respond(_ =>
            {
                time.Advance(TimeSpan.FromMilliseconds(1500));
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(PlaidExampleResponses.GetResponse, System.Text.Encoding.UTF8, "application/json") };
            });
            plaid.Respond(PlaidOperations.RemovePath, HttpStatusCode.BadRequest, CustomerNotFound);

            await plaid.Client.GetEndCustomerAsync("id");
            await Assert.ThatAsync(() => plaid.Client.RemoveEndCustomerAsync("id"), Throws.InstanceOf<PlaidApiException>());

            var measurements = duration.GetMeasurementSnapshot();
            Assert.Multiple(() =>
            {
                Assert.That(duration.Instrument!.Unit, Is.EqualTo("s"));
                Assert.That(duration.Instrument.Name, Is.EqualTo(PlaidPartnerTelemetry.CallDurationInstrument));
                Assert.That(measurements, Has.Count.EqualTo(2));
                Assert.That(measurements[0].Value, Is.EqualTo(1.5));
                Assert.That(measurements[0].Tags["plaid.operation"], Is.EqualTo("/partner/customer/get"));
                Assert.That(measurements[0].Tags["plaid.outcome"], Is.EqualTo("success"));
                Assert.That(measurements[0].Tags.ContainsKey("error.type"), Is.False);
                Assert.That(measurements[1].Tags["plaid.operation"], Is.EqualTo("/partner/customer/remove"));
                Assert.That(measurements[1].Tags["plaid.outcome"], Is.EqualTo("plaid_error"));
                Assert.That(measurements[1].Tags["error.type"], Is.EqualTo("INVALID_INPUT"));
            });
        }

        [Test]
        public async Task Retries_add_to_the_one_span_and_to_the_retry_counter()
        {
            using var recorder = new ActivityRecorder();
            using var retries = new MeasurementRecorder<long>(PlaidMetrics.Unhosted.Retries);
            using var plaid = new MockPlaid(configure: o => o.Retry.MaxRetryAttempts = 3);
            var script = new ScriptedResponses()
                .Then(ScriptedResponses.Status(HttpStatusCode.ServiceUnavailable, retryAfter: "0"))
                .Then(ScriptedResponses.Status(HttpStatusCode.ServiceUnavailable, retryAfter: "0"))
                .Then(ScriptedResponses.Ok(PlaidExampleResponses.GetResponse));
            plaid.Handler.When(HttpMethod.Post, MockPlaid.Url(plaid.Options.Environment, PlaidOperations.GetPath)).Respond(script);

            await plaid.Client.GetEndCustomerAsync("id");

            var counted = retries.GetMeasurementSnapshot();
            Assert.Multiple(() =>
            {
                Assert.That(script.Attempts, Is.EqualTo(3));
                Assert.That(recorder.Stopped, Has.Count.EqualTo(1), "one span per logical call, however many attempts");
                Assert.That(recorder.Single().GetTagItem("plaid.retry_count"), Is.EqualTo(2));
                Assert.That(recorder.Single().Status, Is.EqualTo(ActivityStatusCode.Unset));
                Assert.That(counted.Sum(m => m.Value), Is.EqualTo(2));
                Assert.That(counted.Select(m => m.Tags["plaid.operation"]), Is.All.EqualTo("/partner/customer/get"));
                Assert.That(counted.Select(m => m.Tags["error.type"]), Is.All.EqualTo("API_ERROR"));
            });
        }

        [Test]
        public async Task An_error_type_plaid_does_not_document_is_other_on_every_metric_and_cut_short_on_the_span()
        {
            // A misbehaving proxy's 10 KB error_type: on a metric every such value would be a new time series.
            var invented = new string('Q', 10 * 1024);
            var body = $$"""{"error_type":"{{invented}}","error_code":"SOMETHING","error_message":"m","display_message":null,"request_id":"r1"}""";
            using var recorder = new ActivityRecorder();
            using var duration = new MeasurementRecorder<double>(PlaidMetrics.Unhosted.CallDuration);
            using var retries = new MeasurementRecorder<long>(PlaidMetrics.Unhosted.Retries);
            using var plaid = new MockPlaid(configure: o => o.Retry.MaxRetryAttempts = 1);
            var script = new ScriptedResponses().Then(Answer(HttpStatusCode.ServiceUnavailable)).Then(Answer(HttpStatusCode.BadRequest));
            plaid.Handler.When(HttpMethod.Post, MockPlaid.Url(plaid.Options.Environment, PlaidOperations.GetPath)).Respond(script);

            var exception = Assert.ThrowsAsync<PlaidApiException>(() => plaid.Client.GetEndCustomerAsync("id"));

            var span = recorder.Single();
            Assert.Multiple(() =>
            {
                Assert.That(exception!.ErrorType?.ToString(), Is.EqualTo(invented), "the exception keeps what Plaid (or the proxy) said");
                Assert.That(script.Attempts, Is.EqualTo(2));
                Assert.That(duration.GetMeasurementSnapshot().Single().Tags["error.type"], Is.EqualTo("_OTHER"));
                Assert.That(retries.GetMeasurementSnapshot().Single().Tags["error.type"], Is.EqualTo("_OTHER"));
                Assert.That(span.GetTagItem("error.type"), Is.EqualTo("_OTHER"));
                Assert.That((string)span.GetTagItem("plaid.error_type")!, Does.StartWith("QQQQ").And.Length.LessThan(100));
            });

            Func<CancellationToken, Task<HttpResponseMessage>> Answer(HttpStatusCode status) => _ => Task.FromResult(new HttpResponseMessage(status)
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
                Headers = { { "Retry-After", "0" } },
            });
        }

        [Test]
        public async Task A_documented_error_type_stays_on_the_metric()
        {
            using var duration = new MeasurementRecorder<double>(PlaidMetrics.Unhosted.CallDuration);
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.GetPath, HttpStatusCode.BadRequest, CustomerNotFound.Replace("INVALID_INPUT", "RATE_LIMIT_EXCEEDED"));

            await Assert.ThatAsync(() => plaid.Client.GetEndCustomerAsync("id"), Throws.InstanceOf<PlaidApiException>());

            Assert.That(duration.GetMeasurementSnapshot().Single().Tags["error.type"], Is.EqualTo("RATE_LIMIT_EXCEEDED"));
        }

        [Test]
        public async Task No_tag_holds_the_secret_the_client_id_or_a_body()
        {
            using var recorder = new ActivityRecorder();
            using var duration = new MeasurementRecorder<double>(PlaidMetrics.Unhosted.CallDuration);
            using var plaid = new MockPlaid();
            plaid.Respond(PlaidOperations.GetPath, HttpStatusCode.OK, PlaidExampleResponses.GetResponse);
            plaid.Respond(PlaidOperations.EnablePath, HttpStatusCode.BadRequest, CustomerNotFound);

            await plaid.Client.GetEndCustomerAsync("7f57eb3d2a9j6480121fx361");
            await Assert.ThatAsync(() => plaid.Client.EnableEndCustomerAsync("7f57eb3d2a9j6480121fx361"), Throws.InstanceOf<PlaidApiException>());

            var spanTags = recorder.Stopped.SelectMany(a => a.TagObjects).ToList();
            var metricTags = duration.GetMeasurementSnapshot().SelectMany(m => m.Tags).ToList();
            var values = spanTags.Concat(metricTags).Select(t => t.Value?.ToString() ?? string.Empty).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(spanTags.Select(t => t.Key).Distinct(), Is.SubsetOf(DocumentedTags));
                Assert.That(metricTags.Select(t => t.Key).Distinct(), Is.SubsetOf(new[] { "plaid.operation", "plaid.outcome", "error.type" }));
                Assert.That(values, Has.None.Contain(MockPlaid.Secret));
                Assert.That(values, Has.None.Contain(MockPlaid.ClientId));
                Assert.That(values, Has.None.Contain("7f57eb3d2a9j6480121fx361"), "the end customer id is in the body, not a tag");
                Assert.That(values, Has.None.Contain("could not be found"), "Plaid's error message stays out");
            });
        }

        [Test]
        public void Calls_take_the_observed_path_only_while_a_span_or_duration_listener_is_attached()
        {
            Assert.That(PlaidCallTelemetry.IsEnabled(PlaidMetrics.Unhosted), Is.False, "no listener in this process now, so calls take the unobserved path");

            using (new ActivityRecorder())
            {
                Assert.That(PlaidCallTelemetry.IsEnabled(PlaidMetrics.Unhosted), Is.True);
            }

            using (new MeasurementRecorder<double>(PlaidMetrics.Unhosted.CallDuration))
            {
                Assert.That(PlaidCallTelemetry.IsEnabled(PlaidMetrics.Unhosted), Is.True);
            }

            Assert.That(PlaidCallTelemetry.IsEnabled(PlaidMetrics.Unhosted), Is.False);
        }
    }
}
