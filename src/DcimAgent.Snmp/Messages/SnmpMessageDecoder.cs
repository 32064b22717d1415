using DcimAgent.Snmp.Ber;

namespace DcimAgent.Snmp.Messages;

/// <summary>
/// Decodes whole SNMP messages. <see cref="Decode"/> throws <see cref="SnmpDecodeException"/> on malformed
/// bytes; <see cref="TryDecode"/> returns false instead. Decryption and authentication are USM's job
/// (<see cref="Security.UsmProcessor"/>); this only parses.
/// </summary>
public static class SnmpMessageDecoder
{
    public static bool TryDecode(ReadOnlySpan<byte> data, out SnmpMessage? message, BerDecodeOptions? options = null)
    {
        try
        {
            message = Decode(data, options);
            return true;
        }
        catch (SnmpDecodeException)
        {
            message = null;
            return false;
        }
    }

    public static SnmpMessage Decode(ReadOnlySpan<byte> data, BerDecodeOptions? options = null)
    {
        var outer = new BerReader(data, options ?? BerDecodeOptions.Lenient);
        var msg = outer.ReadSequence();
        outer.ThrowIfNotEnd();
        var at = msg.AbsolutePosition;
        var version = msg.ReadInt32();
        switch (version)
        {
            case 0:
            case 1:
                {
                    var v = (SnmpVersion)version;
                    var community = msg.ReadOctetString().ToArray();
                    var pdu = ReadPdu(ref msg, v);
                    msg.ThrowIfNotEnd();
                    return new SnmpMessage { Version = v, Community = community, CommunityPdu = pdu };
                }

            case 3:
                return DecodeV3(ref msg);
            default:
                throw SnmpDecodeException.At(at, $"unsupported msgVersion {version}");
        }
    }

    /// <summary>RFC 3412 §6 SNMPv3Message.</summary>
    private static SnmpMessage DecodeV3(ref BerReader msg)
    {
        var global = msg.ReadSequence();
        var at = global.AbsolutePosition;
        var msgId = global.ReadInt32();
        var maxSize = global.ReadInt32();
        var flags = global.ReadOctetString();
        if (flags.Length != 1)
        {
            throw SnmpDecodeException.At(at, "msgFlags must be one octet");
        }

        var model = global.ReadInt32();
        global.ThrowIfNotEnd();
        if (msgId < 0 || maxSize < 484)
        {
            // RFC 3412 §6: msgID 0..2^31-1, msgMaxSize 484..2^31-1.
            throw SnmpDecodeException.At(at, "msgID/msgMaxSize out of range");
        }

        var header = new V3Header(msgId, maxSize, (MsgFlags)flags[0], model);
        if (model != V3Header.UsmSecurityModel)
        {
            throw SnmpDecodeException.At(at, $"unsupported security model {model}");
        }

        // RFC 3414 §2.4 UsmSecurityParameters inside the msgSecurityParameters OCTET STRING.
        var sec = msg.ReadEncapsulated();
        var usmSeq = sec.ReadSequence();
        sec.ThrowIfNotEnd();
        var engineId = usmSeq.ReadOctetString().ToArray();
        var boots = usmSeq.ReadInt32();
        var time = usmSeq.ReadInt32();
        var user = usmSeq.ReadOctetString().ToArray();
        var authContent = usmSeq.ReadTlv(out var authTag, out var authOffset);
        if (authTag != BerTag.OctetString)
        {
            throw SnmpDecodeException.At(authOffset, "msgAuthenticationParameters is not an OCTET STRING");
        }

        var priv = usmSeq.ReadOctetString().ToArray();
        usmSeq.ThrowIfNotEnd();
        if (boots < 0 || time < 0 || engineId.Length > 32 || user.Length > 32)
        {
            throw SnmpDecodeException.At(at, "UsmSecurityParameters out of range (RFC 3414 §2.4)");
        }

        var usm = new UsmSecurityParameters(engineId, boots, time, user, authContent.ToArray(), priv);
        var authParamsOffset = authContent.IsEmpty ? -1 : authOffset;

        if (msg.PeekTag() == BerTag.OctetString)
        {
            var encrypted = msg.ReadOctetString().ToArray();
            msg.ThrowIfNotEnd();
            return new SnmpMessage
            {
                Version = SnmpVersion.V3, Header = header, Usm = usm, EncryptedPdu = encrypted,
                AuthParametersOffset = authParamsOffset,
            };
        }

        var scoped = ReadScopedPdu(ref msg);
        msg.ThrowIfNotEnd();
        return new SnmpMessage
        {
            Version = SnmpVersion.V3, Header = header, Usm = usm, ScopedPdu = scoped,
            AuthParametersOffset = authParamsOffset,
        };
    }

    /// <summary>Decodes a ScopedPDU TLV (plaintext or just decrypted; trailing padding allowed after it).</summary>
    public static ScopedPdu DecodeScopedPdu(ReadOnlySpan<byte> data, BerDecodeOptions? options = null, bool allowTrailing = true)
    {
        var reader = new BerReader(data, options ?? BerDecodeOptions.Lenient);
        var scoped = ReadScopedPdu(ref reader);
        if (!allowTrailing)
        {
            reader.ThrowIfNotEnd();
        }

        return scoped;
    }

    private static ScopedPdu ReadScopedPdu(ref BerReader reader)
    {
        var seq = reader.ReadSequence();
        var contextEngineId = seq.ReadOctetString().ToArray();
        var contextName = seq.ReadOctetString().ToArray();
        var pdu = ReadPdu(ref seq, SnmpVersion.V3);
        seq.ThrowIfNotEnd();
        return new ScopedPdu(contextEngineId, contextName, pdu);
    }

    /// <summary>Reads one PDU (RFC 3416 §3) and checks it is allowed in the given version (RFC 3584 §2).</summary>
    public static SnmpPdu ReadPdu(ref BerReader reader, SnmpVersion version)
    {
        var at = reader.AbsolutePosition;
        var tag = reader.PeekTag();
        var type = (PduType)tag;
        switch (type)
        {
            case PduType.GetRequest:
            case PduType.GetNextRequest:
            case PduType.Response:
                break;
            case PduType.TrapV1:
                if (version != SnmpVersion.V1)
                {
                    throw SnmpDecodeException.At(at, "Trap-PDU is only valid in SNMPv1");
                }

                return ReadTrapV1(ref reader);
            case PduType.GetBulkRequest:
            case PduType.InformRequest:
            case PduType.TrapV2:
            case PduType.Report:
                if (version == SnmpVersion.V1)
                {
                    throw SnmpDecodeException.At(at, $"{type} is not valid in SNMPv1");
                }

                break;
            default:
                throw SnmpDecodeException.At(at, $"unsupported PDU type 0x{tag:x2}");
        }

        var p = reader.ReadConstructed(tag);
        var requestId = p.ReadInt32();
        var errorStatus = p.ReadInt32();
        var errorIndex = p.ReadInt32();
        var vbs = p.ReadVarBindList();
        p.ThrowIfNotEnd();
        return new SnmpPdu(type, requestId, errorStatus, errorIndex, vbs);
    }

    private static SnmpPdu ReadTrapV1(ref BerReader reader)
    {
        var p = reader.ReadConstructed((byte)PduType.TrapV1);
        var enterprise = p.ReadOid();
        var addr = p.ReadOctetString(BerTag.IpAddress).ToArray();
        var generic = p.ReadInt32();
        var specific = p.ReadInt32();
        var stamp = p.ReadUInt32(BerTag.TimeTicks);
        var vbs = p.ReadVarBindList();
        p.ThrowIfNotEnd();
        return new SnmpPdu(PduType.TrapV1, 0, 0, 0, vbs)
        {
            TrapV1 = new TrapV1Fields(enterprise, addr, generic, specific, stamp),
        };
    }

    /// <summary>
    /// Cheap look at a datagram for dispatch: the version and the id a reply is matched on (request-id for
    /// v1/v2c, msgID for v3). False for anything that does not parse that far.
    /// </summary>
    public static bool TryPeekId(ReadOnlySpan<byte> data, out SnmpVersion version, out int id)
    {
        version = default;
        id = 0;
        try
        {
            var outer = new BerReader(data, BerDecodeOptions.Lenient);
            var msg = outer.ReadSequence();
            var v = msg.ReadInt32();
            if (v is 0 or 1)
            {
                msg.ReadOctetString();
                var tag = msg.PeekTag();
                if (tag == (byte)PduType.TrapV1)
                {
                    return false;
                }

                var p = msg.ReadConstructed(tag);
                id = p.ReadInt32();
                version = (SnmpVersion)v;
                return true;
            }

            if (v == 3)
            {
                var global = msg.ReadSequence();
                id = global.ReadInt32();
                version = SnmpVersion.V3;
                return true;
            }

            return false;
        }
        catch (SnmpDecodeException)
        {
            return false;
        }
    }
}
