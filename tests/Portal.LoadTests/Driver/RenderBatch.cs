using System.Buffers.Binary;
using System.Text;

namespace Portal.LoadTests.Driver;

/// <summary>The kinds of render tree frame a render batch carries (RenderTreeFrameType).</summary>
internal enum FrameType
{
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    ComponentReferenceCapture = 7,
    Markup = 8,
}

/// <summary>The kinds of edit a component's diff carries (RenderTreeEditType).</summary>
internal enum EditType
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

/// <summary>One frame, with the fields its type uses (the others are zero or null).</summary>
internal readonly record struct Frame(FrameType Type, int SubtreeLength, int ComponentId, string? Name, string? Value, ulong EventHandlerId);

/// <summary>One edit: where, and which reference frame (or, for a permutation, which sibling index it moves to).</summary>
internal readonly record struct Edit(EditType Type, int SiblingIndex, int ReferenceFrameIndex, string? RemovedAttributeName);

/// <summary>The edits of one component in a batch.</summary>
internal sealed record ComponentDiff(int ComponentId, IReadOnlyList<Edit> Edits);

/// <summary>
/// A render batch as the server sends it in <c>JS.RenderBatch</c>: the binary layout blazor.web.js reads (fixed-size
/// frames and edits, a string table, and the five section offsets at the end).
/// </summary>
internal sealed class RenderBatch
{
    private const int FrameSize = 20;
    private const int EditSize = 16;

    private RenderBatch(IReadOnlyList<ComponentDiff> diffs, IReadOnlyList<Frame> frames, IReadOnlyList<int> disposedComponents, IReadOnlyList<ulong> disposedHandlers)
    {
        Diffs = diffs;
        Frames = frames;
        DisposedComponents = disposedComponents;
        DisposedEventHandlers = disposedHandlers;
    }

    public IReadOnlyList<ComponentDiff> Diffs { get; }

    public IReadOnlyList<Frame> Frames { get; }

    public IReadOnlyList<int> DisposedComponents { get; }

    public IReadOnlyList<ulong> DisposedEventHandlers { get; }

    public static RenderBatch Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 20)
        {
            throw new FormatException($"A render batch of {data.Length} bytes is too short.");
        }

        var end = data.Length - 20;
        var updatedOffset = Int(data, end);
        var framesOffset = Int(data, end + 4);
        var disposedComponentsOffset = Int(data, end + 8);
        var disposedHandlersOffset = Int(data, end + 12);
        var stringsOffset = Int(data, end + 16);
        if (!(updatedOffset >= 0 && updatedOffset <= framesOffset && framesOffset <= disposedComponentsOffset
              && disposedComponentsOffset <= disposedHandlersOffset && disposedHandlersOffset <= stringsOffset && stringsOffset <= end))
        {
            throw new FormatException("The render batch's section offsets are out of order: not the layout this reader knows.");
        }

        var strings = ReadStrings(data, stringsOffset, (end - stringsOffset) / 4);

        var frameCount = Int(data, framesOffset);
        var frames = new Frame[frameCount];
        for (var i = 0; i < frameCount; i++)
        {
            frames[i] = ReadFrame(data, framesOffset + 4 + (i * FrameSize), strings);
        }

        var diffCount = Int(data, updatedOffset);
        var diffs = new ComponentDiff[diffCount];
        for (var i = 0; i < diffCount; i++)
        {
            var at = Int(data, updatedOffset + 4 + (i * 4));
            var componentId = Int(data, at);
            var editCount = Int(data, at + 4);
            var edits = new Edit[editCount];
            for (var e = 0; e < editCount; e++)
            {
                var p = at + 8 + (e * EditSize);
                edits[e] = new Edit((EditType)Int(data, p), Int(data, p + 4), Int(data, p + 8), String(strings, Int(data, p + 12)));
            }

            diffs[i] = new ComponentDiff(componentId, edits);
        }

        var disposedComponents = new int[Int(data, disposedComponentsOffset)];
        for (var i = 0; i < disposedComponents.Length; i++)
        {
            disposedComponents[i] = Int(data, disposedComponentsOffset + 4 + (i * 4));
        }

        var disposedHandlers = new ulong[Int(data, disposedHandlersOffset)];
        for (var i = 0; i < disposedHandlers.Length; i++)
        {
            disposedHandlers[i] = BinaryPrimitives.ReadUInt64LittleEndian(data[(disposedHandlersOffset + 4 + (i * 8))..]);
        }

        return new RenderBatch(diffs, frames, disposedComponents, disposedHandlers);
    }

    private static Frame ReadFrame(ReadOnlySpan<byte> data, int at, string?[] strings)
    {
        var type = (FrameType)Int(data, at);
        return type switch
        {
            FrameType.Element => new Frame(type, Int(data, at + 4), 0, String(strings, Int(data, at + 8)), null, 0),
            FrameType.Text or FrameType.Markup => new Frame(type, 0, 0, null, String(strings, Int(data, at + 4)), 0),
            FrameType.Attribute => new Frame(type, 0, 0, String(strings, Int(data, at + 4)), String(strings, Int(data, at + 8)),
                BinaryPrimitives.ReadUInt64LittleEndian(data[(at + 12)..])),
            FrameType.Component => new Frame(type, Int(data, at + 4), Int(data, at + 8), null, null, 0),
            FrameType.Region => new Frame(type, Int(data, at + 4), 0, null, null, 0),
            FrameType.ElementReferenceCapture => new Frame(type, 0, 0, null, String(strings, Int(data, at + 4)), 0),
            FrameType.ComponentReferenceCapture => new Frame(type, 0, 0, null, null, 0),
            _ => throw new FormatException($"Unknown frame type {(int)type} in a render batch."),
        };
    }

    private static string?[] ReadStrings(ReadOnlySpan<byte> data, int tableOffset, int count)
    {
        var strings = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var at = Int(data, tableOffset + (i * 4));
            // BinaryWriter.Write(string): a 7-bit encoded length, then UTF-8.
            var length = 0;
            var shift = 0;
            byte b;
            do
            {
                b = data[at++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            strings[i] = Encoding.UTF8.GetString(data.Slice(at, length));
        }

        return strings;
    }

    private static string? String(string?[] strings, int index) => index < 0 ? null : strings[index];

    private static int Int(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data[at..]);
}
