using System;
using SymGrad.IntegrationTests.Networks;

namespace SymGrad.IntegrationTests.Validation;

/// <summary>
/// Bad input at the public boundary of a generated network is an ArgumentException naming the argument,
/// the expected and the actual size or value, and changes nothing. Classifier: InputSize 4, OutputSize 3,
/// MaxBatchSize 8. (Non-finite inputs are checked by the gradient instrumentation, when it is on; not here.)
/// </summary>
public sealed class ArgumentValidationTests
{
    private readonly Classifier _network = new(seed: 3);

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(7)]
    public void Inputs_that_are_not_whole_rows_are_refused(int length)
    {
        var error = Refused(() => _network.Predict(new float[length], new float[3]), "inputs");
        Assert.Contains("Expected a positive multiple of InputSize (4) values", error.Message);
        Assert.Contains("but got " + length + " values", error.Message);
    }

    [Fact]
    public void A_batch_larger_than_MaxBatchSize_is_refused_with_both_sizes()
    {
        var error = Refused(() => _network.ComputeGradients(new float[9 * 4], new float[9 * 3]), "inputs");
        Assert.Contains("Expected at most MaxBatchSize (8) samples (32 values), but got 9 samples (36 values)", error.Message);
    }

    [Fact]
    public void Targets_of_the_wrong_length_are_refused()
    {
        var error = Refused(() => _network.TrainStep(new float[2 * 4], new float[5], new Sgd(0.1)), "targets");
        Assert.Contains("Expected 6 values (2 samples x OutputSize 3), but got 5", error.Message);
    }

    [Fact]
    public void Outputs_of_the_wrong_length_are_refused()
    {
        var error = Refused(() => _network.Predict(new float[2 * 4], new float[3]), "outputs");
        Assert.Contains("Expected 6 values (2 samples x OutputSize 3), but got 3", error.Message);
    }

    [Fact]
    public void Labels_not_one_per_sample_are_refused()
    {
        var error = Refused(() => _network.ComputeLoss(new float[2 * 4], new[] { 0, 1, 2 }), "labels");
        Assert.Contains("Expected 2 labels (one per sample of the inputs), but got 3", error.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Labels_out_of_range_are_refused_with_the_index_and_value(int label)
    {
        var optimizer = new Adam();
        var error = Refused(() => _network.TrainStep(new float[3 * 4], new[] { 2, 0, label }, optimizer), "labels");
        var outOfRange = Assert.IsType<ArgumentOutOfRangeException>(error);
        Assert.Equal(label, outOfRange.ActualValue);
        Assert.Contains("Expected class indices in [0, 3) (OutputSize classes), but labels[2] is " + label, error.Message);
        Assert.Equal(0, optimizer.StepCount);
    }

    [Fact]
    public void A_wrong_batch_is_refused_by_the_label_overloads_too()
    {
        var error = Refused(() => _network.ComputeGradients(new float[9 * 4], new int[9]), "inputs");
        Assert.Contains("at most MaxBatchSize (8) samples", error.Message);
    }

    [Fact]
    public void The_reference_path_validates_like_the_generated_one()
    {
        var error = Refused(() => _network.ComputeReferenceGradients(new float[4], new float[4]), "targets");
        Assert.Contains("Expected 3 values (1 samples x OutputSize 3), but got 4", error.Message);
    }

    [Fact]
    public void Labels_give_the_loss_and_gradients_of_the_one_hot_rows_they_stand_for()
    {
        float[] inputs = [0.5f, -1, 2, 0.25f, -0.5f, 1.5f, 0, -2];
        int[] labels = [2, 0];
        float[] oneHot = [0, 0, 1, 1, 0, 0]; // written out by hand
        var byRows = new Classifier(seed: 3);
        float expectedLoss = byRows.ComputeGradients(inputs, oneHot);
        float loss = _network.ComputeGradients(inputs, labels);
        Assert.Equal(expectedLoss, loss);
        Assert.True(byRows.Gradients.SequenceEqual(_network.Gradients));
        // A wrong label changes the loss: the labels are really used.
        Assert.NotEqual(loss, _network.ComputeLoss(inputs, new[] { 1, 0 }));
    }

    [Fact]
    public void Only_SoftmaxCrossEntropy_networks_have_label_overloads()
    {
        Assert.NotNull(typeof(Classifier).GetMethod("TrainStep", new[] { typeof(ReadOnlySpan<float>), typeof(ReadOnlySpan<int>), typeof(Optimizer) }));
        Assert.Null(typeof(Regressor).GetMethod("TrainStep", new[] { typeof(ReadOnlySpan<float>), typeof(ReadOnlySpan<int>), typeof(Optimizer) }));
    }

    /// <summary>Runs <paramref name="call"/>, expects an ArgumentException for <paramref name="parameter"/>, and checks that the parameters did not move.</summary>
    private ArgumentException Refused(Action call, string parameter)
    {
        float[] before = _network.Parameters.ToArray();
        var error = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, error.ParamName);
        Assert.True(before.AsSpan().SequenceEqual(_network.Parameters), "the parameters changed");
        return error;
    }
}
