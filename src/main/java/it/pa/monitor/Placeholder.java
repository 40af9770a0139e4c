package it.pa.monitor;
class Placeholder {}
