using System.Buffers.Text;

namespace DcimAgent.Model.Payloads.Json;

/// <summary>
/// A forward cursor over JSON text for fast paths, cheaper than <see cref="System.Text.Json.Utf8JsonReader"/>
/// because it understands only a strict subset: strings without escapes, numbers without exponents, nesting up to
/// <see cref="MaxDepth"/>. Every method returns false both for invalid JSON and for valid JSON outside the subset;
/// the caller then hands the message to its general path, which alone decides and words errors. So the cursor may
/// refuse more than the reader, never less: it must not accept text the reader would reject.
/// Rules followed from RFC 8259 and the reader: whitespace is space, tab, CR, LF only; control characters in
/// strings are errors; a number or literal must be followed by whitespace, <c>,</c>, <c>}</c>, <c>]</c> or the end;
/// a string's UTF-8 is not checked here (the reader does not either, until the string is read as text).
/// </summary>
public ref struct JsonSubsetCursor(ReadOnlySpan<byte> text)
{
    /// <summary>Deeper nesting is left to the general path (the reader's own limit is 32 in our options).</summary>
    public const int MaxDepth = 16;

    private readonly ReadOnlySpan<byte> _text = text;
    private int _pos;

    /// <summary>The next byte after whitespace (not consumed), 0 at the end.</summary>
    public byte Peek()
    {
        SkipWhitespace();
        return _pos < _text.Length ? _text[_pos] : (byte)0;
    }

    /// <summary>Consumes <paramref name="c"/> if it is the next byte after whitespace.</summary>
    public bool Consume(byte c)
    {
        if (Peek() != c || _pos >= _text.Length)
        {
            return false;
        }

        _pos++;
        return true;
    }

    /// <summary>Only whitespace is left.</summary>
    public bool AtEnd()
    {
        SkipWhitespace();
        return _pos == _text.Length;
    }

    /// <summary>A string without escapes or control characters; <paramref name="value"/> is its raw bytes.</summary>
    public bool String(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!Consume((byte)'"'))
        {
            return false;
        }

        var start = _pos;
        for (; _pos < _text.Length; _pos++)
        {
            var b = _text[_pos];
            if (b == (byte)'"')
            {
                value = _text[start.._pos];
                _pos++;
                return true;
            }

            if (b == (byte)'\\' || b < 0x20)
            {
                return false; // an escape (outside the subset) or a control character (invalid)
            }
        }

        return false; // unterminated
    }

    /// <summary>A member name and its colon.</summary>
    public bool Name(out ReadOnlySpan<byte> name) => String(out name) && Consume((byte)':');

    /// <summary>
    /// A number of the form <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?</c> followed by a delimiter; <paramref name="token"/> is
    /// its text. Exponents are outside the subset.
    /// </summary>
    public bool Number(out ReadOnlySpan<byte> token)
    {
        token = default;
        SkipWhitespace();
        var start = _pos;
        if (_pos < _text.Length && _text[_pos] == (byte)'-')
        {
            _pos++;
        }

        if (_pos >= _text.Length || !IsDigit(_text[_pos]))
        {
            return false;
        }

        if (_text[_pos++] != (byte)'0')
        {
            while (_pos < _text.Length && IsDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < _text.Length && _text[_pos] == (byte)'.')
        {
            _pos++;
            var fractionStart = _pos;
            while (_pos < _text.Length && IsDigit(_text[_pos]))
            {
                _pos++;
            }

            if (_pos == fractionStart)
            {
                return false;
            }
        }

        if (!DelimiterNext())
        {
            return false; // an exponent, a second leading zero, letters: not ours to judge
        }

        token = _text[start.._pos];
        return true;
    }

    /// <summary>A number's value: exact for short decimals, otherwise the parser the reader uses.</summary>
    public static bool TryValue(ReadOnlySpan<byte> token, out double value) =>
        ShortDecimal.TryParse(token, out value)
        || (Utf8Parser.TryParse(token, out value, out var used) && used == token.Length && double.IsFinite(value));

    /// <summary><c>true</c>, <c>false</c> or <c>null</c> (the word given), followed by a delimiter.</summary>
    public bool Literal(ReadOnlySpan<byte> word)
    {
        SkipWhitespace();
        if (!_text[_pos..].StartsWith(word))
        {
            return false;
        }

        _pos += word.Length;
        return DelimiterNext();
    }

    /// <summary>Steps over one value of any kind, checking it as it goes.</summary>
    public bool SkipValue(int depth)
    {
        switch (Peek())
        {
            case (byte)'{':
                return SkipContainer(depth, (byte)'}', members: true);
            case (byte)'[':
                return SkipContainer(depth, (byte)']', members: false);
            case (byte)'"':
                return String(out _);
            case (byte)'t':
                return Literal("true"u8);
            case (byte)'f':
                return Literal("false"u8);
            case (byte)'n':
                return Literal("null"u8);
            default:
                return Number(out _);
        }
    }

    private bool SkipContainer(int depth, byte close, bool members)
    {
        if (depth + 1 > MaxDepth)
        {
            return false;
        }

        _pos++; // the opening bracket, seen by Peek
        if (Consume(close))
        {
            return true;
        }

        while (true)
        {
            if ((members && !Name(out _)) || !SkipValue(depth + 1))
            {
                return false;
            }

            if (Consume(close))
            {
                return true;
            }

            if (!Consume((byte)','))
            {
                return false;
            }
        }
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private readonly bool DelimiterNext()
    {
        if (_pos >= _text.Length)
        {
            return true;
        }

        var b = _text[_pos];
        return b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',' or (byte)'}' or (byte)']';
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            _pos++;
        }
    }
}
