using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ProcedureReference.Testing;

/// <summary>
/// Uploads that are not whole .zip files, made by damaging one small valid archive field by field: too short to
/// hold an end record, random bytes, end records whose counts, sizes or offsets are off, a cut or garbled central
/// directory, bad local headers, unknown compression, and zip64 records that lie. Every one must be refused calmly.
/// Linked into each test project that uploads them.
/// </summary>
public static class MalformedArchives
{
    // Offsets in the zip format (APPNOTE.TXT): the end of central directory record (EOCD), 22 bytes plus a comment.
    private const uint EndSignature = 0x06054b50;
    private const int EndLength = 22;
    private const int EndEntriesOnDisk = 8, EndEntries = 10, EndDirectorySize = 12, EndDirectoryOffset = 16;

    // A central directory header, 46 bytes plus its name, extra field and comment.
    private const int CentralMethod = 10, CentralCompressedSize = 20, CentralSize = 24, CentralNameLength = 28, CentralLocalOffset = 42;

    // A local file header, 30 bytes plus its name and extra field.
    private const int LocalMethod = 8, LocalNameLength = 26, LocalExtraLength = 28;

    private static readonly Lazy<(Dictionary<string, byte[]> Malformed, Dictionary<string, byte[]> Harmless)> Table = new(Build);

    /// <summary>Each malformed archive by a name that says what is wrong with it.</summary>
    public static IReadOnlyDictionary<string, byte[]> All => Table.Value.Malformed;

    /// <summary>The names, as theory data.</summary>
    public static TheoryData<string> Names => [.. All.Keys];

    /// <summary>
    /// Damage to fields the reader does not rely on (it reads sizes and methods from the central directory, and
    /// finds the directory by its offset): such an archive may be taken, whole, or refused; nothing else.
    /// </summary>
    public static IReadOnlyDictionary<string, byte[]> Harmless => Table.Value.Harmless;

    public static TheoryData<string> HarmlessNames => [.. Harmless.Keys];

    /// <summary>A small valid archive (codes.csv and two pages, one deflated, one stored) that every case is made from.</summary>
    public static byte[] Valid()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "codes.csv", "file,code\n000.txt,37188\n001.txt,78458\n", CompressionLevel.Optimal);
            Add(zip, "000.txt", "Search all medical codes\n\nMechanical thrombectomy\n\n## Summary\n\nA clot is removed.\n", CompressionLevel.Optimal);
            Add(zip, "001.txt", "Search all medical codes\n\nMyocardial perfusion imaging\n\n## Summary\n\nThe heart is imaged.\n", CompressionLevel.NoCompression);
        }
        return stream.ToArray();
    }

    /// <summary><paramref name="valid"/> rewritten as zip64 (a zip64 end record and locator, the classic end record's fields at their 'see zip64' values), changed by <paramref name="lie"/>.</summary>
    public static byte[] Zip64(byte[] valid, Action<byte[], int>? lie = null)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var end = EndOf(valid);
        var entries = U16(valid, end + EndEntries);
        var directorySize = U32(valid, end + EndDirectorySize);
        var directoryOffset = U32(valid, end + EndDirectoryOffset);
        var zip64End = (int)(directoryOffset + directorySize);

        var record = new byte[56];
        BinaryPrimitives.WriteUInt32LittleEndian(record, 0x06064b50);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(4), 44); // the record's size after this field
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(12), 45);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(14), 45);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(24), (ulong)entries);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(32), (ulong)entries);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(40), directorySize);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(48), directoryOffset);

        var locator = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
        BinaryPrimitives.WriteUInt64LittleEndian(locator.AsSpan(8), (ulong)zip64End);
        BinaryPrimitives.WriteUInt32LittleEndian(locator.AsSpan(16), 1);

        var classic = valid.AsSpan(end).ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(classic.AsSpan(EndEntriesOnDisk), 0xFFFF);
        BinaryPrimitives.WriteUInt16LittleEndian(classic.AsSpan(EndEntries), 0xFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(classic.AsSpan(EndDirectorySize), 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(classic.AsSpan(EndDirectoryOffset), 0xFFFFFFFF);

        byte[] result = [.. valid.AsSpan(0, zip64End), .. record, .. locator, .. classic];
        lie?.Invoke(result, zip64End);
        return result;
    }

    /// <summary>Where the end of central directory record starts (the last one; the archive has no comment).</summary>
    public static int EndOf(byte[] zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        for (var at = zip.Length - EndLength; at >= 0; at--)
            if (U32(zip, at) == EndSignature) return at;
        throw new ArgumentException("no end of central directory record", nameof(zip));
    }

    private static (Dictionary<string, byte[]>, Dictionary<string, byte[]>) Build()
    {
        var valid = Valid();
        var end = EndOf(valid);
        var directory = (int)U32(valid, end + EndDirectoryOffset);
        var directorySize = (int)U32(valid, end + EndDirectorySize);
        var entries = U16(valid, end + EndEntries);
        var random = new Random(16);
        var cases = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["empty (0 bytes)"] = [] };

        foreach (var length in new[] { 1, 2, 3, 4, 5, 8, 16, 17, 21 })
        {
            cases[$"{length} random bytes"] = Bytes(random, length);
            cases[$"the first {length} bytes of a zip"] = valid[..length];
        }
        cases["17 bytes starting 'PK' and an end signature"] = [0x50, 0x4b, 0x05, 0x06, .. new byte[13]];
        cases["an end record alone, claiming one entry"] = With(new byte[EndLength], b => { Put32(b, 0, EndSignature); Put16(b, EndEntriesOnDisk, 1); Put16(b, EndEntries, 1); });
        cases["an end record alone, its directory past the end"] = With(new byte[EndLength], b => { Put32(b, 0, EndSignature); Put16(b, EndEntries, 1); Put32(b, EndDirectorySize, 46); Put32(b, EndDirectoryOffset, 1000); });
        cases["4 KB of random bytes"] = Bytes(random, 4096);
        cases["random bytes ending in a valid end record"] = [.. Bytes(random, 500), .. valid.AsSpan(end)];
        cases["text, not a zip"] = Encoding.UTF8.GetBytes("this is not a zip file, just some text\n");

        cases["end record: entry count one more"] = With(valid, b => { Put16(b, end + EndEntriesOnDisk, entries + 1); Put16(b, end + EndEntries, entries + 1); });
        cases["end record: entry count one less"] = With(valid, b => { Put16(b, end + EndEntriesOnDisk, entries - 1); Put16(b, end + EndEntries, entries - 1); });
        cases["end record: total entry count one more than on this disk"] = With(valid, b => Put16(b, end + EndEntries, entries + 1));
        cases["end record: entry count 65535"] = With(valid, b => { Put16(b, end + EndEntriesOnDisk, 0xFFFF); Put16(b, end + EndEntries, 0xFFFF); });
        cases["end record: directory offset one more"] = With(valid, b => Put32(b, end + EndDirectoryOffset, (uint)directory + 1));
        cases["end record: directory offset one less"] = With(valid, b => Put32(b, end + EndDirectoryOffset, (uint)directory - 1));
        cases["end record: directory offset past the end"] = With(valid, b => Put32(b, end + EndDirectoryOffset, (uint)valid.Length + 100));
        cases["end record: comment length past the end"] = With(valid, b => Put16(b, end + 20, 0xFFFF));

        cases["cut in half"] = valid[..(valid.Length / 2)];
        cases["cut one byte short"] = valid[..^1];
        cases["cut inside the central directory, end record kept"] = [.. valid.AsSpan(0, directory + directorySize / 2), .. valid.AsSpan(end)];
        cases["central directory zeroed"] = With(valid, b => b.AsSpan(directory, directorySize).Clear());
        cases["central directory: first header's signature broken"] = With(valid, b => b[directory] ^= 0xFF);
        cases["central directory: name length past the directory"] = With(valid, b => Put16(b, directory + CentralNameLength, 0xFFFF));
        cases["central directory: unknown compression method"] = With(valid, b => Put16(b, directory + CentralMethod, 99));
        cases["central directory: compressed size past the end"] = With(valid, b => Put32(b, directory + CentralCompressedSize, 0x7FFFFFFF));
        cases["central directory: size 4 GB - 1 without a zip64 field"] = With(valid, b => Put32(b, directory + CentralSize, 0xFFFFFFFF));
        cases["central directory: local header offset past the end"] = With(valid, b => Put32(b, directory + CentralLocalOffset, (uint)valid.Length + 10));
        cases["central directory: local header offset inside the data"] = With(valid, b => Put32(b, directory + CentralLocalOffset, 7));

        cases["local header: signature broken"] = With(valid, b => b[0] ^= 0xFF);
        cases["local header: name length past the end"] = With(valid, b => Put16(b, LocalNameLength, 0xFFFF));
        cases["local header: extra length past the end"] = With(valid, b => Put16(b, LocalExtraLength, 0xFFFF));
        cases["deflated data garbled"] = With(valid, b => { for (var i = 30 + "codes.csv".Length + 2; i < 30 + "codes.csv".Length + 12; i++) b[i] ^= 0x5A; });

        cases["zip64: end record says 'see zip64' with no zip64 records"] = With(valid, b => { Put16(b, end + EndEntriesOnDisk, 0xFFFF); Put16(b, end + EndEntries, 0xFFFF); Put32(b, end + EndDirectorySize, 0xFFFFFFFF); Put32(b, end + EndDirectoryOffset, 0xFFFFFFFF); });
        cases["zip64: entry count 2^63-1"] = Zip64(valid, (b, at) => { Put64(b, at + 24, long.MaxValue); Put64(b, at + 32, long.MaxValue); });
        cases["zip64: entry count one more"] = Zip64(valid, (b, at) => { Put64(b, at + 24, entries + 1); Put64(b, at + 32, entries + 1); });
        cases["zip64: entry count 2^32"] = Zip64(valid, (b, at) => { Put64(b, at + 24, 1L << 32); Put64(b, at + 32, 1L << 32); });
        cases["zip64: directory offset 2^62"] = Zip64(valid, (b, at) => Put64(b, at + 48, 1L << 62));
        cases["zip64: directory offset negative"] = Zip64(valid, (b, at) => Put64(b, at + 48, -1));
        cases["zip64: locator points past the end"] = Zip64(valid, (b, at) => Put64(b, at + 56 + 8, long.MaxValue));
        cases["zip64: locator points at the data"] = Zip64(valid, (b, at) => Put64(b, at + 56 + 8, 3));
        cases["zip64: end record signature broken"] = Zip64(valid, (b, at) => b[at] ^= 0xFF);

        var harmless = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        harmless["end record: directory size one more"] = With(valid, b => Put32(b, end + EndDirectorySize, (uint)directorySize + 1));
        harmless["end record: directory size one less"] = With(valid, b => Put32(b, end + EndDirectorySize, (uint)directorySize - 1));
        harmless["local header: unknown compression method"] = With(valid, b => Put16(b, LocalMethod, 99));
        harmless["zip64: directory size 2^62"] = Zip64(valid, (b, at) => Put64(b, at + 40, 1L << 62));
        harmless["zip64: record size 2^62"] = Zip64(valid, (b, at) => Put64(b, at + 4, 1L << 62));
        return (cases, harmless);
    }

    private static void Add(ZipArchive zip, string name, string text, CompressionLevel level)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, level).Open());
        writer.Write(text);
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] With(byte[] original, Action<byte[]> change)
    {
        var copy = (byte[])original.Clone();
        change(copy);
        return copy;
    }

    private static int U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at));

    private static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));

    private static void Put16(byte[] b, int at, int value) => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), (ushort)value);

    private static void Put32(byte[] b, int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at), value);

    private static void Put64(byte[] b, int at, long value) => BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(at), value);
}
