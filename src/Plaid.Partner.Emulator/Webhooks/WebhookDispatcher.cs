using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.Webhooks
{
    /// <summary>
    /// Delivers signed webhooks as Plaid does (<see cref="DeliverySchedule"/>). First attempts go out one at a time in the
    /// order the changes happened; a refused one is tried again on the emulator's clock. Each attempt is signed as it is
    /// sent (so <c>iat</c> is the send time), except the second copy of a "send twice", which is the same request again.
    /// </summary>
    internal sealed class WebhookDispatcher : IAsyncDisposable
    {
        public const string VerificationHeader = Plaid.Partner.Webhooks.PlaidVerificationHeader.Name;

        /// <summary>
        /// How long (real time) <see cref="SettleAsync"/> waits for attempts in flight before the clock moves on: a receiver
        /// that has not answered by then is one the clock's 10 s answer timeout is meant for.
        /// </summary>
        private static readonly TimeSpan SettleGrace = TimeSpan.FromSeconds(5);

        private readonly object _gate = new();
        private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
        private readonly List<DeliveryRecord> _deliveries = new();
        private readonly HashSet<Task> _inFlight = new();
        private readonly CancellationTokenSource _stopping = new();
        private readonly HttpClient _http;
        private readonly WebhookKeyRing _keys;
        private readonly TimeProvider _clock;
        private readonly string _environment;
        private readonly Task _loop;
        private Uri? _url;
        private int _sendTwiceRemaining;
        private bool _holdNext;
        private Job? _held;
        private int _nextId;

        public WebhookDispatcher(WebhookKeyRing keys, TimeProvider clock, string environment, Uri? url)
        {
            _keys = keys;
            _clock = clock;
            _environment = environment;
            _url = url;
            // The real-time limit only ends an attempt when nobody moves the emulator's clock (a frozen fake one).
            _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = DeliverySchedule.AnswerTimeout };
            _loop = Task.Run(RunAsync);
        }

        public Uri? Url
        {
            get => Volatile.Read(ref _url);
            set => Volatile.Write(ref _url, value);
        }

        public IReadOnlyList<EmulatorWebhookDelivery> Deliveries
        {
            get
            {
                lock (_gate)
                {
                    return _deliveries.Select(d => d.ToPublic()).ToList();
                }
            }
        }

        /// <summary>The receiver faults still to come: copies of the next webhooks, and whether the next one is held back.</summary>
        public (int SendTwiceRemaining, bool HoldNext, string? HeldId) Faults
        {
            get
            {
                lock (_gate)
                {
                    return (_sendTwiceRemaining, _holdNext, _held?.Record.Id);
                }
            }
        }

        /// <summary>
        /// Queues END_CUSTOMER_OAUTH_STATUS_UPDATED for <paramref name="change"/>; completes once its first attempt is
        /// answered (or at once if it is held back), with null when no URL is set.
        /// </summary>
        public Task<EmulatorWebhookDelivery?> SendAsync(OAuthStatusChange change)
        {
            var url = Url;
            if (url is null)
            {
                return Task.FromResult<EmulatorWebhookDelivery?>(null);
            }

            var body = WebhookBody.OAuthStatusUpdated(change, _environment);
            lock (_gate)
            {
                var job = NewJob(url, body, copyOf: null, sameRequestAs: null);
                if (_holdNext)
                {
                    _holdNext = false;
                    _held = job;
                    job.Record.State = EmulatorWebhookDeliveryState.Held;
                    return Task.FromResult<EmulatorWebhookDelivery?>(job.Record.ToPublic());
                }

                Enqueue(job);
                if (_sendTwiceRemaining > 0)
                {
                    _sendTwiceRemaining--;
                    Enqueue(NewJob(url, body, job.Record.Id, sameRequestAs: job.Record));
                }

                // A held webhook goes out right after the one that followed it.
                if (_held is { } held)
                {
                    _held = null;
                    held.Record.State = EmulatorWebhookDeliveryState.Pending;
                    Enqueue(held);
                }

                return job.Done.Task;
            }
        }

        /// <summary>Sends the next <paramref name="count"/> webhooks twice: the same signed request again, right after the first.</summary>
        public void SendTwice(int count)
        {
            lock (_gate)
            {
                _sendTwiceRemaining = count;
            }
        }

        /// <summary>Holds the next webhook back and sends it after the one that follows it.</summary>
        public void HoldNext()
        {
            lock (_gate)
            {
                _holdNext = true;
            }
        }

        /// <summary>Sends a past delivery's body again as a new delivery (signed anew); null when no delivery has that id or no URL is set.</summary>
        public Task<EmulatorWebhookDelivery?>? Resend(string id)
        {
            var url = Url;
            lock (_gate)
            {
                var past = _deliveries.FirstOrDefault(d => d.Id == id);
                if (past is null || url is null)
                {
                    return null;
                }

                var job = NewJob(url, past.Body, past.Id, sameRequestAs: null);
                Enqueue(job);
                return job.Done.Task;
            }
        }

        /// <summary>Forgets every delivery, pending retries and receiver faults (the emulator's reset).</summary>
        public void Reset()
        {
            lock (_gate)
            {
                foreach (var delivery in _deliveries)
                {
                    delivery.Retry?.Dispose();
                    delivery.Retry = null;
                }

                _deliveries.Clear();
                _sendTwiceRemaining = 0;
                _holdNext = false;
                _held?.Done.TrySetResult(null);
                _held = null;
                _nextId = 0;
            }
        }

        /// <summary>
        /// Waits until no attempt is queued or in flight, or <see cref="SettleGrace"/> has passed: what the clock waits for
        /// before each moment it advances to.
        /// </summary>
        public async Task SettleAsync()
        {
            var giveUp = Task.Delay(SettleGrace, TimeProvider.System);
            while (true)
            {
                Task[] pending;
                lock (_gate)
                {
                    pending = _inFlight.ToArray();
                }

                if (pending.Length == 0 || await Task.WhenAny(Task.WhenAll(pending), giveUp).ConfigureAwait(false) == giveUp)
                {
                    return;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _queue.Writer.TryComplete();
            await _stopping.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
            Task[] pending;
            lock (_gate)
            {
                foreach (var delivery in _deliveries.Where(d => d.Retry is not null))
                {
                    delivery.GiveUp("the emulator stopped");
                }

                pending = _inFlight.ToArray();
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
            _http.Dispose();
            _stopping.Dispose();
        }

        private Job NewJob(Uri url, byte[] body, string? copyOf, DeliveryRecord? sameRequestAs)
        {
            var id = "wh_" + (++_nextId).ToString("D6", CultureInfo.InvariantCulture);
            var record = new DeliveryRecord(id, url, body, _clock.GetUtcNow(), copyOf);
            _deliveries.Add(record);
            return new Job(record, sameRequestAs);
        }

        /// <summary>Under the lock: the job counts as in flight from now until its first attempt is answered.</summary>
        private void Enqueue(Job job)
        {
            Track(job.Done.Task);
            if (!_queue.Writer.TryWrite(job))
            {
                job.Record.GiveUp("the emulator is stopping");
                job.Done.TrySetResult(job.Record.ToPublic());
            }
        }

        private void Track(Task task)
        {
            _inFlight.Add(task);
            _ = task.ContinueWith(
                done =>
                {
                    lock (_gate)
                    {
                        _inFlight.Remove(done);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        private async Task RunAsync()
        {
            await foreach (var job in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                EmulatorWebhookDelivery? result;
                if (_stopping.IsCancellationRequested)
                {
                    lock (_gate)
                    {
                        job.Record.GiveUp("the emulator is stopping");
                        result = job.Record.ToPublic();
                    }
                }
                else
                {
                    result = await AttemptAsync(job.Record, job.SameRequestAs).ConfigureAwait(false);
                }

                job.Done.TrySetResult(result);
            }
        }

        /// <summary>One attempt; then the delivery is done, or its next attempt is set on the clock, or it is given up.</summary>
        private async Task<EmulatorWebhookDelivery> AttemptAsync(DeliveryRecord record, DeliveryRecord? sameRequestAs)
        {
            var at = _clock.GetUtcNow();
            string signature;
            string keyId;
            lock (_gate)
            {
                (signature, keyId) = sameRequestAs is { Signature.Length: > 0 } original ? (original.Signature, original.KeyId) : _keys.Sign(record.Body, at);
                record.Signature = signature;
                record.KeyId = keyId;
                record.NextAttemptAt = null;
                record.Retry = null;
            }

            var started = _clock.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Post, record.Url) { Content = new ByteArrayContent(record.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(VerificationHeader, signature);
            int? status = null;
            string? error = null;
            TimeSpan? retryAfter = null;
            using var answerTimeout = new CancellationTokenSource(DeliverySchedule.AnswerTimeout, _clock);
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(answerTimeout.Token, _stopping.Token);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                if (status == 429)
                {
                    retryAfter = RetryAfterHeader.Read(response, _clock.GetUtcNow());
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                error = e is OperationCanceledException && !_stopping.IsCancellationRequested
                    ? $"the receiver did not answer within {DeliverySchedule.AnswerTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"
                    : e.Message;
            }

            var attempt = new EmulatorWebhookAttempt
            {
                At = at,
                StatusCode = status,
                Error = error,
                Duration = _clock.GetElapsedTime(started),
                RetryAfter = retryAfter,
            };
            lock (_gate)
            {
                record.Attempts.Add(attempt);
                if (attempt.Succeeded)
                {
                    record.State = EmulatorWebhookDeliveryState.Delivered;
                }
                else if (_deliveries.Contains(record))
                {
                    ScheduleRetry(record, attempt);
                }

                return record.ToPublic();
            }
        }

        /// <summary>Under the lock, after a refused attempt: when to try again, if at all.</summary>
        private void ScheduleRetry(DeliveryRecord record, EmulatorWebhookAttempt attempt)
        {
            if (_stopping.IsCancellationRequested)
            {
                record.GiveUp("the emulator stopped");
                return;
            }

            var now = _clock.GetUtcNow();
            var recent = _deliveries.Where(d => d.Url == record.Url && d.Attempts.Count > 0 && d.Started > now - DeliverySchedule.RetryWindow).ToList();
            if (DeliverySchedule.RefusesTooMany(recent.Count(d => d.Refused), recent.Count))
            {
                record.GiveUp("the receiver refused more than 90% of its webhooks in the last 24 hours, so Plaid stops retrying it");
                return;
            }

            // A wait is counted from the attempt's start, so a slow refusal does not push the schedule back.
            var next = attempt.RetryAfter is { } asked ? now + asked : attempt.At + DeliverySchedule.WaitAfter(record.Attempts.Count);
            if (next > record.Started + DeliverySchedule.RetryWindow)
            {
                record.GiveUp("no 2xx answer within 24 hours of the first attempt");
                return;
            }

            record.NextAttemptAt = next;
            var wait = next - now;
            record.Retry = _clock.CreateTimer(_ => StartRetry(record), null, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
        }

        /// <summary>Runs on the clock's timer; the retry counts as in flight until it is answered.</summary>
        private void StartRetry(DeliveryRecord record)
        {
            lock (_gate)
            {
                if (record.Retry is null || _stopping.IsCancellationRequested)
                {
                    return;
                }

                record.Retry.Dispose();
                record.Retry = null;
                Track(Task.Run(() => AttemptAsync(record, sameRequestAs: null)));
            }
        }

        private sealed record Job(DeliveryRecord Record, DeliveryRecord? SameRequestAs)
        {
            public TaskCompletionSource<EmulatorWebhookDelivery?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
