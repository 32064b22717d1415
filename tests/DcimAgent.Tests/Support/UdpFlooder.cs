using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace DcimAgent.Tests.Support;

/// <summary>
/// Offers one pre-encoded datagram to a UDP endpoint at a fixed rate for a fixed time, from several threads,
/// each with its own connected socket and Linux <c>sendmmsg(2)</c> batches of up to 64 datagrams per system call.
/// A plain <c>Socket.SendTo</c> loop reached only ~28 k/s on the loaded 2-core dev VM; batching removes the
/// per-datagram managed overhead. The threads share one schedule (whichever gets the CPU sends what is due), so a
/// thread the scheduler leaves out for a while does not stall the flood.
/// </summary>
public static class UdpFlooder
{
    private const int Batch = 64;

    // x86-64 / arm64 (LP64) layouts: iovec 16 bytes, msghdr 56, mmsghdr 64 (msghdr + msg_len + padding).
    private const int IovecSize = 16;
    private const int MmsghdrSize = 64;

    /// <summary>
    /// Sends <paramref name="datagram"/> to <paramref name="target"/> paced at <paramref name="rate"/> per second
    /// for <paramref name="duration"/> from <paramref name="threads"/> threads. Blocks until done.
    /// </summary>
    public static UdpFloodResult Run(byte[] datagram, IPEndPoint target, int rate, TimeSpan duration, int threads = 4)
    {
        ArgumentNullException.ThrowIfNull(datagram);
        var seconds = (int)Math.Ceiling(duration.TotalSeconds);
        var perSecond = new long[seconds + 1];
        var schedule = new FloodSchedule(rate, duration);
        var clock = Stopwatch.StartNew();
        var workers = new Thread[threads];
        Exception? failure = null;
        for (var t = 0; t < threads; t++)
        {
            var index = t;
            workers[t] = new Thread(() =>
            {
                try
                {
                    SendPaced(datagram, target, schedule, clock, perSecond);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            }) { IsBackground = true, Name = "udp-flood-" + index };
            workers[t].Start();
        }

        foreach (var w in workers)
        {
            w.Join();
        }

        // The window is the flood's length; a starved sender that finishes late is not credited with a higher rate.
        var elapsed = TimeSpan.FromSeconds(Math.Max(duration.TotalSeconds, schedule.LastSendSeconds));
        if (failure is not null)
        {
            throw new InvalidOperationException("flood sender failed: " + failure.Message, failure);
        }

        var whole = perSecond.Take(Math.Max(1, (int)duration.TotalSeconds)).ToArray();
        return new UdpFloodResult(schedule.Sent, elapsed, whole.Min(), whole);
    }

    private static void SendPaced(byte[] datagram, IPEndPoint target, FloodSchedule schedule, Stopwatch clock, long[] perSecond)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(target);
        var fd = (int)socket.Handle;
        var buffer = Marshal.AllocHGlobal(datagram.Length);
        var iov = Marshal.AllocHGlobal(IovecSize);
        var vec = Marshal.AllocHGlobal(MmsghdrSize * Batch);
        try
        {
            Marshal.Copy(datagram, 0, buffer, datagram.Length);
            Marshal.WriteIntPtr(iov, 0, buffer);
            Marshal.WriteInt64(iov, 8, datagram.Length);
            for (var i = 0; i < MmsghdrSize * Batch; i += 8)
            {
                Marshal.WriteInt64(vec, i, 0);
            }

            for (var i = 0; i < Batch; i++)
            {
                // Connected socket: msg_name stays NULL; every message shares the one iovec.
                Marshal.WriteIntPtr(vec, (i * MmsghdrSize) + 16, iov);
                Marshal.WriteInt64(vec, (i * MmsghdrSize) + 24, 1);
            }

            while (true)
            {
                var now = clock.Elapsed.TotalSeconds;
                var last = now >= schedule.Seconds;

                // Catch up to where the clock says the flood should be, then give the core away briefly.
                int n;
                while ((n = schedule.Claim(now, Batch)) > 0)
                {
                    var r = NativeMethods.SendMmsg(fd, vec, (uint)n, 0);
                    if (r < 0)
                    {
                        var errno = Marshal.GetLastPInvokeError();
                        schedule.Unclaim(n);
                        if (errno is 11 or 105)
                        {
                            // EAGAIN / ENOBUFS: the send queue is full for a moment; the datagrams are not offered.
                            Thread.Yield();
                            continue;
                        }

                        throw new InvalidOperationException($"sendmmsg failed: errno {errno}");
                    }

                    schedule.Unclaim(n - r);
                    schedule.Record(r, clock.Elapsed.TotalSeconds);
                    Interlocked.Add(ref perSecond[Math.Min(perSecond.Length - 1, (int)now)], r);
                    now = clock.Elapsed.TotalSeconds;
                }

                if (last)
                {
                    // Everything due by the end has been sent (late, if this thread was starved: the rate shows it).
                    return;
                }

                Thread.Sleep(1);
            }
        }
        finally
        {
            Marshal.FreeHGlobal(vec);
            Marshal.FreeHGlobal(iov);
            Marshal.FreeHGlobal(buffer);
        }
    }

    private static class NativeMethods
    {
        // DllImport rather than LibraryImport: the generated marshallers need AllowUnsafeBlocks for one blittable call.
        [DllImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int SendMmsg(int fd, IntPtr msgvec, uint vlen, int flags);
    }
}
