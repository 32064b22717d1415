using System.Text;

namespace DcimAgent.Model.Metrics;

/// <summary>
/// The component labels of one series (phase, outlet, state, ...), in the order they were given.
/// Small and immutable; equality is by names and values in order.
/// </summary>
public sealed class LabelSet : IEquatable<LabelSet>
{
    private readonly KeyValuePair<string, string>[] _pairs;
    private int _hash;

    public static readonly LabelSet Empty = new([]);

    private LabelSet(KeyValuePair<string, string>[] pairs) => _pairs = pairs;

    public static LabelSet Of(params (string Name, string Value)[] labels)
    {
        if (labels.Length == 0)
        {
            return Empty;
        }

        var pairs = new KeyValuePair<string, string>[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            pairs[i] = new(labels[i].Name, labels[i].Value);
        }

        return new LabelSet(pairs);
    }

    public static LabelSet Of(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var pairs = labels.ToArray();
        return pairs.Length == 0 ? Empty : new LabelSet(pairs);
    }

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public int Count => _pairs.Length;

    public string? this[string name]
    {
        get
        {
            foreach (var p in _pairs)
            {
                if (string.Equals(p.Key, name, StringComparison.Ordinal))
                {
                    return p.Value;
                }
            }

            return null;
        }
    }

    /// <summary>A copy with one label added or replaced.</summary>
    public LabelSet With(string name, string value)
    {
        var list = new List<KeyValuePair<string, string>>(_pairs.Length + 1);
        var replaced = false;
        foreach (var p in _pairs)
        {
            if (string.Equals(p.Key, name, StringComparison.Ordinal))
            {
                list.Add(new(name, value));
                replaced = true;
            }
            else
            {
                list.Add(p);
            }
        }

        if (!replaced)
        {
            list.Add(new(name, value));
        }

        return new LabelSet([.. list]);
    }

    /// <summary>Appends <c>name="value"</c> pairs, comma separated, escaped per the text exposition format.</summary>
    internal void AppendTo(StringBuilder sb, bool leadingComma)
    {
        foreach (var p in _pairs)
        {
            if (leadingComma)
            {
                sb.Append(',');
            }

            LabelText.AppendPair(sb, p.Key, p.Value);
            leadingComma = true;
        }
    }

    public bool Equals(LabelSet? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._pairs.Length != _pairs.Length)
        {
            return false;
        }

        for (var i = 0; i < _pairs.Length; i++)
        {
            if (!string.Equals(_pairs[i].Key, other._pairs[i].Key, StringComparison.Ordinal)
                || !string.Equals(_pairs[i].Value, other._pairs[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var h = new HashCode();
            foreach (var p in _pairs)
            {
                h.Add(p.Key, StringComparer.Ordinal);
                h.Add(p.Value, StringComparer.Ordinal);
            }

            _hash = h.ToHashCode() | 1;
        }

        return _hash;
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        AppendTo(sb, false);
        return sb.ToString();
    }
}
