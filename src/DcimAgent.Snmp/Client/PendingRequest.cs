using System.Net;
using DcimAgent.Snmp.Messages;

namespace DcimAgent.Snmp.Client;

/// <summary>One outstanding request: who must answer and how to judge an answer.</summary>
internal sealed class PendingRequest
{
    public PendingRequest(IPEndPoint remote, Func<ReadOnlyMemory<byte>, Reply?> process, bool completeInline)
    {
        Remote = remote;
        Process = process;

        // Inline: the awaiting walk continues on the thread that received the reply (the client's receive thread).
        Completion = new(completeInline ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public IPEndPoint Remote { get; }

    /// <summary>Runs on the receive loop; null rejects the datagram (e.g. wrong MAC) and keeps waiting.</summary>
    public Func<ReadOnlyMemory<byte>, Reply?> Process { get; }

    public TaskCompletionSource<Reply> Completion { get; }
}

/// <summary>An accepted answer: the PDU (Response or Report) or an error found while opening it.</summary>
internal sealed record Reply(SnmpPdu? Pdu, UsmSecurityParameters? Usm, bool Authenticated, SnmpError? Error);
