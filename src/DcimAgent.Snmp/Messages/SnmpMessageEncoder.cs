using DcimAgent.Snmp.Ber;

namespace DcimAgent.Snmp.Messages;

/// <summary>Strict encoders for messages, PDUs and ScopedPDUs.</summary>
public static class SnmpMessageEncoder
{
    /// <summary>v1/v2c Message ::= SEQUENCE { version, community, data } (RFC 1157 §4, RFC 1901 §3).</summary>
    public static void EncodeCommunity(BerWriter writer, SnmpVersion version, ReadOnlySpan<byte> community, SnmpPdu pdu)
    {
        if (version == SnmpVersion.V3)
        {
            throw new ArgumentException("use EncodeV3 for SNMPv3", nameof(version));
        }

        writer.PushSequence();
        writer.WriteInteger((int)version);
        writer.WriteOctetString(community);
        EncodePdu(writer, pdu);
        writer.PopSequence();
    }

    public static byte[] EncodeCommunity(SnmpVersion version, ReadOnlySpan<byte> community, SnmpPdu pdu)
    {
        using var w = new BerWriter();
        EncodeCommunity(w, version, community, pdu);
        return w.ToArray();
    }

    /// <summary>A PDU (RFC 3416 §3) or an SNMPv1 Trap-PDU (RFC 1157 §4.1.6).</summary>
    public static void EncodePdu(BerWriter writer, SnmpPdu pdu)
    {
        // PduType has no SetRequest, but any byte casts to an enum: without this check a caller could still put
        // 0xa3 (SetRequest) or 0xa9+ on the wire. The library is read-only, so only the defined tags are encoded.
        if (pdu.Type is not (PduType.GetRequest or PduType.GetNextRequest or PduType.Response or PduType.TrapV1
            or PduType.GetBulkRequest or PduType.InformRequest or PduType.TrapV2 or PduType.Report))
        {
            throw new ArgumentException($"PDU type 0x{(byte)pdu.Type:x2} is not one this read-only library sends", nameof(pdu));
        }

        writer.PushSequence((byte)pdu.Type);
        if (pdu.Type == PduType.TrapV1)
        {
            var t = pdu.TrapV1 ?? throw new ArgumentException("TrapV1 PDU without TrapV1 fields", nameof(pdu));
            writer.WriteOid(t.Enterprise.Arcs);
            writer.WriteOctetString(t.AgentAddress, BerTag.IpAddress);
            writer.WriteInteger(t.GenericTrap);
            writer.WriteInteger(t.SpecificTrap);
            writer.WriteUnsigned(t.TimeStamp, BerTag.TimeTicks);
        }
        else
        {
            writer.WriteInteger(pdu.RequestId);
            writer.WriteInteger(pdu.ErrorStatus);
            writer.WriteInteger(pdu.ErrorIndex);
        }

        writer.WriteVarBindList(pdu.VarBinds);
        writer.PopSequence();
    }

    public static void EncodeScopedPdu(BerWriter writer, ScopedPdu scoped)
    {
        writer.PushSequence();
        writer.WriteOctetString(scoped.ContextEngineId);
        writer.WriteOctetString(scoped.ContextName);
        EncodePdu(writer, scoped.Pdu);
        writer.PopSequence();
    }

    /// <summary>
    /// SNMPv3Message (RFC 3412 §6) with USM parameters (RFC 3414 §2.4). <paramref name="msgData"/> is either an
    /// encoded ScopedPDU (written as is) or, when <paramref name="encrypted"/>, the encryptedPDU octets.
    /// msgAuthenticationParameters is written as <paramref name="authParamsLength"/> zero octets; the return
    /// value is their offset so the caller can patch in the HMAC (RFC 3414 §6.3.1, §7.3.1).
    /// </summary>
    public static int EncodeV3(
        BerWriter writer,
        V3Header header,
        UsmSecurityParameters usm,
        int authParamsLength,
        ReadOnlySpan<byte> msgData,
        bool encrypted)
    {
        writer.PushSequence();
        writer.WriteInteger(3);
        writer.PushSequence();
        writer.WriteInteger(header.MsgId);
        writer.WriteInteger(header.MaxSize);
        writer.WriteOctetString([(byte)header.Flags]);
        writer.WriteInteger(header.SecurityModel);
        writer.PopSequence();

        writer.PushSequence(BerTag.OctetString);
        writer.PushSequence();
        writer.WriteOctetString(usm.EngineId);
        writer.WriteInteger(usm.EngineBoots);
        writer.WriteInteger(usm.EngineTime);
        writer.WriteOctetString(usm.UserName);
        var authOffset = -1;
        if (authParamsLength > 0)
        {
            authOffset = writer.WriteOctetStringPlaceholder(authParamsLength);
        }
        else
        {
            writer.WriteOctetString(usm.AuthenticationParameters);
        }

        writer.WriteOctetString(usm.PrivacyParameters);
        writer.PopSequence();
        writer.PopSequence();

        if (encrypted)
        {
            writer.WriteOctetString(msgData);
        }
        else
        {
            writer.WriteEncoded(msgData);
        }

        writer.PopSequence();
        return authOffset < 0 ? -1 : writer.Marker;
    }
}
