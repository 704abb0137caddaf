using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>
    /// A webhook endpoint on 127.0.0.1 that answers from a script: each request takes the next answer queued (a status
    /// with an optional <c>Retry-After</c>, or no answer at all until the emulator gives up), then the default.
    /// </summary>
    internal sealed class ScriptedReceiver : IAsyncDisposable
    {
        private readonly ConcurrentQueue<Answer> _script = new();
        private readonly ConcurrentQueue<string> _bodies = new();
        private readonly LoopbackHost _host;
        private TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        private ScriptedReceiver(LoopbackHost host, Answer fallback)
        {
            _host = host;
            Fallback = fallback;
        }

        public Uri Url => new(_host.BaseAddress, "plaid/webhooks");

        /// <summary>How many requests arrived.</summary>
        public int Count => Volatile.Read(ref _count);

        /// <summary>The bodies received, in order.</summary>
        public string[] Bodies => _bodies.ToArray();

        private Answer Fallback { get; }

        public static async Task<ScriptedReceiver> StartAsync(int defaultStatus = 200, params Answer[] script)
        {
            ScriptedReceiver? receiver = null;
            var host = await LoopbackHost.StartAsync(async context =>
            {
                using var buffer = new StreamReader(context.Request.Body);
                receiver!._bodies.Enqueue(await buffer.ReadToEndAsync());
                Interlocked.Increment(ref receiver._count);
                var answer = receiver._script.TryDequeue(out var next) ? next : receiver.Fallback;
                Interlocked.Exchange(ref receiver._requested, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                if (answer.Hang)
                {
                    // Never answers: waits until the emulator gives up on the request (its 10 s answer timeout) or stops.
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return;
                }

                context.Response.StatusCode = answer.Status;
                if (answer.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = retryAfter;
                }
            });
            receiver = new ScriptedReceiver(host, new Answer(defaultStatus));
            foreach (var answer in script)
            {
                receiver._script.Enqueue(answer);
            }

            return receiver;
        }

        /// <summary>Completes when the next request arrives (a guard against a hang, not a timing: 30 s).</summary>
        public Task NextRequestAsync() => Volatile.Read(ref _requested).Task.WaitAsync(TimeSpan.FromSeconds(30));

        public ValueTask DisposeAsync() => _host.DisposeAsync();

        /// <summary>One scripted answer.</summary>
        public sealed record Answer(int Status, string? RetryAfter = null, bool Hang = false)
        {
            public static Answer NoAnswer { get; } = new(0, Hang: true);
        }
    }
}
