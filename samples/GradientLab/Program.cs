// TEMPORARY: replaced by the GradientLab command line.
return 0;
