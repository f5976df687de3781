/**
 * `@nastavnik/core/sample`: a deterministic generator of sample municipalities
 * and regions (schools, people, registries, consents, orders, programmes) for
 * demos, tests and benchmarks. A subpath of its own, so that an application
 * that never generates data never loads it.
 *
 * @module @nastavnik/core/sample
 */
export {
  generateMunicipality,
  generateRegion,
  iterateRegionSchools,
  type SampleMunicipality,
  type SampleMunicipalityOptions,
  SampleMunicipalityOptionsSchema,
  type SampleRegion,
  type SampleRegionOptions,
  SampleRegionOptionsSchema,
  type SampleRegionSchool,
  type SampleSchool,
} from './generate';
