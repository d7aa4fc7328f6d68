using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SymGrad.Kernels;

/// <summary>The vector widths a kernel can run at; <see cref="SimdLanes.Best{T}"/> is the widest the hardware accelerates.</summary>
internal enum SimdWidth
{
    Scalar = 1,
    Bits128 = 128,
    Bits256 = 256,
    Bits512 = 512,
}

/// <summary>
/// One vector width seen through static abstract members, so that a kernel is written once and the JIT
/// specializes it per width (the struct type arguments below), as System.Numerics.Tensors does.
/// </summary>
/// <typeparam name="TVector">The vector type (<see cref="Vector512{T}"/>, ..., or <typeparamref name="T"/> itself for scalar).</typeparam>
/// <typeparam name="T">The element type.</typeparam>
internal interface ISimdLanes<TVector, T>
    where TVector : struct
    where T : unmanaged, IFloatingPointIeee754<T>
{
    static abstract int Count { get; }
    static abstract TVector Zero { get; }
    static abstract TVector Broadcast(T value);
    static abstract TVector Load(ref T source, nint offset);
    static abstract void Store(TVector value, ref T destination, nint offset);
    /// <summary>a * b + c, one rounding where the hardware fuses it.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);
    static abstract TVector Add(TVector a, TVector b);
    static abstract T Sum(TVector value);
}

internal static class SimdLanes
{
    /// <summary>The widest width the hardware accelerates for <typeparamref name="T"/>.</summary>
    public static SimdWidth Best<T>() where T : unmanaged
    {
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            return SimdWidth.Bits512;
        }
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            return SimdWidth.Bits256;
        }
        return Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported ? SimdWidth.Bits128 : SimdWidth.Scalar;
    }

    /// <summary>Whether <paramref name="width"/> can run here (tests force each width that can).</summary>
    public static bool IsAccelerated<T>(SimdWidth width) where T : unmanaged => width switch
    {
        SimdWidth.Bits512 => Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported,
        SimdWidth.Bits256 => Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported,
        SimdWidth.Bits128 => Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported,
        _ => true,
    };
}

internal readonly struct Lanes512<T> : ISimdLanes<Vector512<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector512<T>.Count;
    public static Vector512<T> Zero => Vector512<T>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref T source, nint offset) => Vector512.LoadUnsafe(ref source, (nuint)offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, ref T destination, nint offset) => value.StoreUnsafe(ref destination, (nuint)offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512<T> value) => Vector512.Sum(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        // typeof checks fold away in the specialized code; FusedMultiplyAdd exists only for float and double.
        if (typeof(T) == typeof(float))
        {
            return Vector512.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        }
        if (typeof(T) == typeof(double))
        {
            return Vector512.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        }
        return a * b + c;
    }
}

internal readonly struct Lanes256<T> : ISimdLanes<Vector256<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector256<T>.Count;
    public static Vector256<T> Zero => Vector256<T>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(ref T source, nint offset) => Vector256.LoadUnsafe(ref source, (nuint)offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<T> value, ref T destination, nint offset) => value.StoreUnsafe(ref destination, (nuint)offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256<T> value) => Vector256.Sum(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector256.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        }
        if (typeof(T) == typeof(double))
        {
            return Vector256.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        }
        return a * b + c;
    }
}

internal readonly struct Lanes128<T> : ISimdLanes<Vector128<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector128<T>.Count;
    public static Vector128<T> Zero => Vector128<T>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(ref T source, nint offset) => Vector128.LoadUnsafe(ref source, (nuint)offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<T> value, ref T destination, nint offset) => value.StoreUnsafe(ref destination, (nuint)offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Add(Vector128<T> a, Vector128<T> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector128<T> value) => Vector128.Sum(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Vector128.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        }
        if (typeof(T) == typeof(double))
        {
            return Vector128.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        }
        return a * b + c;
    }
}

/// <summary>One lane: the same kernels as plain scalar code, for hardware without SIMD.</summary>
internal readonly struct Lanes1<T> : ISimdLanes<T, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => 1;
    public static T Zero => T.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Broadcast(T value) => value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Load(ref T source, nint offset) => Unsafe.Add(ref source, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T value, ref T destination, nint offset) => Unsafe.Add(ref destination, offset) = value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Add(T a, T b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(T value) => value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MultiplyAdd(T a, T b, T c) => a * b + c; // no software FMA: this path runs where there is no SIMD
}
