using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.Webhooks
{
    /// <summary>
    /// Sends signed webhooks to the configured URL one at a time, in the order the changes happened, signing each
    /// just before it is sent (so <c>iat</c> is the send time). Every attempt is logged.
    /// </summary>
    internal sealed class WebhookDispatcher : IAsyncDisposable
    {
        public const string VerificationHeader = Plaid.Partner.Webhooks.PlaidVerificationHeader.Name;

        private static readonly TimeSpan ReceiverTimeout = TimeSpan.FromSeconds(10);

        private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
        private readonly ConcurrentQueue<EmulatorWebhookDelivery> _deliveries = new();
        private readonly CancellationTokenSource _stopping = new();
        private readonly HttpClient _http;
        private readonly WebhookKeyRing _keys;
        private readonly TimeProvider _time;
        private readonly string _environment;
        private readonly Task _loop;
        private Uri? _url;

        public WebhookDispatcher(WebhookKeyRing keys, TimeProvider time, string environment, Uri? url)
        {
            _keys = keys;
            _time = time;
            _environment = environment;
            _url = url;
            _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = ReceiverTimeout };
            _loop = Task.Run(RunAsync);
        }

        public Uri? Url
        {
            get => Volatile.Read(ref _url);
            set => Volatile.Write(ref _url, value);
        }

        public IReadOnlyList<EmulatorWebhookDelivery> Deliveries => _deliveries.ToArray();

        /// <summary>Queues END_CUSTOMER_OAUTH_STATUS_UPDATED for <paramref name="change"/>; completes once sent, with null when no URL is set.</summary>
        public Task<EmulatorWebhookDelivery?> SendAsync(OAuthStatusChange change)
        {
            var url = Url;
            if (url is null)
            {
                return Task.FromResult<EmulatorWebhookDelivery?>(null);
            }

            var job = new Job(url, WebhookBody.OAuthStatusUpdated(change, _environment));
            if (!_queue.Writer.TryWrite(job))
            {
                return Task.FromResult<EmulatorWebhookDelivery?>(Failed(job, "the emulator is stopping"));
            }

            return job.Done.Task;
        }

        public async ValueTask DisposeAsync()
        {
            _queue.Writer.TryComplete();
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
            _http.Dispose();
            _stopping.Dispose();
        }

        private async Task RunAsync()
        {
            await foreach (var job in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                var delivery = _stopping.IsCancellationRequested ? Failed(job, "the emulator is stopping") : await DeliverAsync(job).ConfigureAwait(false);
                _deliveries.Enqueue(delivery);
                job.Done.TrySetResult(delivery);
            }
        }

        private async Task<EmulatorWebhookDelivery> DeliverAsync(Job job)
        {
            var sentAt = _time.GetUtcNow();
            var (signature, keyId) = _keys.Sign(job.Body, sentAt);
            using var request = new HttpRequestMessage(HttpMethod.Post, job.Url) { Content = new ByteArrayContent(job.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(VerificationHeader, signature);
            int? status = null;
            string? error = null;
            try
            {
                using var response = await _http.SendAsync(request, _stopping.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                error = e is OperationCanceledException && !_stopping.IsCancellationRequested
                    ? $"the receiver did not answer within {ReceiverTimeout.TotalSeconds} s"
                    : e.Message;
            }

            return new EmulatorWebhookDelivery
            {
                SentAt = sentAt,
                Url = job.Url,
                Body = Encoding.UTF8.GetString(job.Body),
                VerificationHeader = signature,
                KeyId = keyId,
                StatusCode = status,
                Error = error,
            };
        }

        private EmulatorWebhookDelivery Failed(Job job, string error) => new()
        {
            SentAt = _time.GetUtcNow(),
            Url = job.Url,
            Body = Encoding.UTF8.GetString(job.Body),
            Error = error,
        };

        private sealed record Job(Uri Url, byte[] Body)
        {
            public TaskCompletionSource<EmulatorWebhookDelivery?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
