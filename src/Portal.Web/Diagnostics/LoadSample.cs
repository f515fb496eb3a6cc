namespace Portal.Web.Diagnostics;

/// <summary>What <c>/_diagnostics/load</c> answers: the process's memory and CPU and the circuits it holds.</summary>
/// <param name="ManagedHeapBytes">Live managed heap (<c>GC.GetTotalMemory</c>, after a full compacting collection when asked).</param>
/// <param name="WorkingSetBytes">Resident memory of the process.</param>
/// <param name="CpuSeconds">Processor time the process used since it started, all cores.</param>
/// <param name="Cores">Processors the runtime sees.</param>
/// <param name="OpenCircuits">Circuits held, connected or kept for a reconnection.</param>
/// <param name="ConnectedCircuits">Circuits with a live connection.</param>
/// <param name="Collector">The garbage collector's configuration (<c>GC.GetConfigurationVariables</c>), e.g. "Server GC, DATAS, 2 heaps, concurrent, conserve 0".</param>
/// <param name="MemoryTrims">Memory trims (<c>MemoryTrim:*</c>) done since the portal started.</param>
/// <param name="LastTrimMilliseconds">How long the last trim paused the portal.</param>
/// <param name="LastTrimOpenCircuits">Circuits open when the last trim ran (-1 before any).</param>
public sealed record LoadSample(
    long ManagedHeapBytes, long WorkingSetBytes, double CpuSeconds, int Cores, int OpenCircuits, int ConnectedCircuits, string Collector, int MemoryTrims,
    long LastTrimMilliseconds, int LastTrimOpenCircuits);
