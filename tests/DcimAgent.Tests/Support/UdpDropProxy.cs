using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DcimAgent.Tests.Support;

/// <summary>
/// A UDP relay on 127.0.0.1 in front of a real agent (snmpd) that can drop everything for a while: a device that
/// flaps, seen from the manager as silence. Each client endpoint gets its own upstream socket so replies go back
/// to the right client.
/// </summary>
public sealed class UdpDropProxy : IAsyncDisposable
{
    private readonly UdpClient _listener;
    private readonly IPEndPoint _upstream;
    private readonly ConcurrentDictionary<IPEndPoint, UdpClient> _clients = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private volatile bool _dropping;
    private long _dropped;

    public UdpDropProxy(int listenPort, int upstreamPort)
    {
        _listener = new UdpClient(new IPEndPoint(IPAddress.Loopback, listenPort));
        _upstream = new IPEndPoint(IPAddress.Loopback, upstreamPort);
        Port = listenPort;
        _loops.Add(Task.Run(ForwardLoopAsync));
    }

    public int Port { get; }

    /// <summary>Datagrams dropped (either way) while <see cref="Dropping"/> was set.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>While true, requests and replies vanish.</summary>
    public bool Dropping
    {
        get => _dropping;
        set => _dropping = value;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        foreach (var c in _clients.Values)
        {
            c.Dispose();
        }

        await Task.WhenAll(_loops.Select(l => l.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private async Task ForwardLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (await NextAsync(_listener) is not { } r)
            {
                continue;
            }

            var upstream = _clients.GetOrAdd(r.RemoteEndPoint, client =>
            {
                var u = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
                lock (_loops)
                {
                    _loops.Add(Task.Run(() => ReplyLoopAsync(u, client)));
                }

                return u;
            });
            await upstream.SendAsync(r.Buffer, _upstream, _stop.Token);
        }
    }

    /// <summary>The next datagram to pass on; null when the socket failed or the proxy is dropping (counted).</summary>
    private async Task<UdpReceiveResult?> NextAsync(UdpClient socket)
    {
        UdpReceiveResult r;
        try
        {
            r = await socket.ReceiveAsync(_stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            return null;
        }

        if (_dropping)
        {
            Interlocked.Increment(ref _dropped);
            return null;
        }

        return r;
    }

    private async Task ReplyLoopAsync(UdpClient upstream, IPEndPoint client)
    {
        while (!_stop.IsCancellationRequested)
        {
            if (await NextAsync(upstream) is not { } r)
            {
                continue;
            }

            await _listener.SendAsync(r.Buffer, client, _stop.Token);
        }
    }
}
