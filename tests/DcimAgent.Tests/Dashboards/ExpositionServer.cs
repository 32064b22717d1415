using System.Net;
using System.Text;

namespace DcimAgent.Tests.Dashboards;

/// <summary>A tiny HTTP listener on 127.0.0.1 that serves <see cref="CatalogExposition"/> at /metrics.</summary>
public sealed class ExpositionServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ExpositionServer(int port, CatalogExposition exposition)
    {
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(exposition));
    }

    public int Port { get; }

    public int Scrapes { get; private set; }

    private async Task ServeAsync(CatalogExposition exposition)
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return; // stopped
            }

            var body = Encoding.UTF8.GetBytes(exposition.Render(DateTimeOffset.UtcNow));
            ctx.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            ctx.Response.ContentLength64 = body.Length;
            await ctx.Response.OutputStream.WriteAsync(body);
            ctx.Response.Close();
            Scrapes++;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
